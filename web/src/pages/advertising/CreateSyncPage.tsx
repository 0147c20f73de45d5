import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, List, Select, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { getSegment, listSegments } from '../../../../src/contracts/segments';
import { adChannelSchema, createSync, dryRunSync, getAdvertisingOverview, listAdAccounts, listSyncs, type AdChannel } from '../../../../src/contracts/syncs';
import { errorMessage, isApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { CHANNEL_LABELS, formatCount } from './syncLabels';

/** Create Sync: segment → channel → ad account, with a dry run before creating (also reached from a segment's Activations). */
export function CreateSyncPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [segmentId, setSegmentId] = useState<string | null>(searchParams.get('segmentId'));
  const [channel, setChannel] = useState<AdChannel | null>(null);
  const [adAccountId, setAdAccountId] = useState<string | null>(null);
  const segments = useApiQuery(listSegments, { query: { page: 1, pageSize: 100 } });
  const segmentOptions = (segments.data?.items ?? []).map((segment) => ({ value: segment.id, label: `${segment.name} (${formatCount(segment.memberCount)} accounts)` }));
  // A segment chosen from its own page (Activations > Create Sync) may lie beyond the first page of the list.
  const preselectedId = searchParams.get('segmentId');
  const isPreselectedMissing = preselectedId !== null && segments.data !== undefined && !segmentOptions.some((option) => option.value === preselectedId);
  const preselected = useApiQuery(getSegment, preselectedId ? { params: { segmentId: preselectedId } } : undefined, { enabled: isPreselectedMissing, retry: false });
  if (isPreselectedMissing && preselected.data) {
    segmentOptions.unshift({ value: preselected.data.segment.id, label: `${preselected.data.segment.name} (${formatCount(preselected.data.segment.memberCount)} accounts)` });
  }
  const overview = useApiQuery(getAdvertisingOverview, {});
  const channelState = overview.data?.channels.find((item) => item.channel === channel);
  const accounts = useApiQuery(listAdAccounts, channel ? { params: { channel } } : undefined, { enabled: channel !== null && channelState?.status === 'connected', retry: false });
  const dryRun = useApiMutation(dryRunSync);
  const create = useApiMutation(createSync, { invalidates: [listSyncs, getAdvertisingOverview] });
  const existingSyncId = isApiError(create.error, 'conflict') ? (create.error.details as { existingSyncId?: string } | undefined)?.existingSyncId : undefined;

  return (
    <>
      <PageHeader title="Create Sync" description="Select the segment, the channel and the ad account where the segment should be available." />
      <Card withBorder padding="md" maw={720}>
        <Stack gap="md">
          <Select label="Segment" placeholder="Select the segment you want to sync" searchable value={segmentId} onChange={(value) => { setSegmentId(value); dryRun.reset(); }}
            data={segmentOptions} />
          {preselected.error && <Alert color="red" variant="light" role="alert">{errorMessage(preselected.error)}</Alert>}
          <Select label="Channel" placeholder="Select the channel" value={channel} onChange={(value) => { setChannel(adChannelSchema.safeParse(value).data ?? null); setAdAccountId(null); dryRun.reset(); }}
            data={adChannelSchema.options.map((option: AdChannel) => ({ value: option, label: CHANNEL_LABELS[option] }))} />
          {channel && channelState && channelState.status !== 'connected' && (
            <Alert color="yellow" variant="light">
              Your {CHANNEL_LABELS[channel]} login is not connected. <Anchor component={Link} to="/advertising">Connect it in Advertising &gt; Overview</Anchor>, then come back.
            </Alert>
          )}
          {accounts.error && <Alert color="red" variant="light" role="alert">{errorMessage(accounts.error)}</Alert>}
          <Select label="Ad account" placeholder={channel ? 'Select the ad account' : 'Select a channel first'} disabled={!accounts.data} value={adAccountId} onChange={setAdAccountId}
            data={(accounts.data?.items ?? []).map((account) => ({ value: account.id, label: `${account.name} (${account.id})` }))} />
          <Group>
            <Button variant="default" disabled={!segmentId || !channel} loading={dryRun.isPending} onClick={() => segmentId && channel && dryRun.mutate({ body: { segmentId, channel } })}>
              Dry run
            </Button>
          </Group>
          {dryRun.error && <Alert color="red" variant="light" role="alert">{errorMessage(dryRun.error)}</Alert>}
          {dryRun.data && (
            <Card withBorder padding="sm" data-testid="dry-run">
              <Text fw={600}>Dry run</Text>
              <Text fz="sm">
                {dryRun.data.memberKind === 'company'
                  ? `${formatCount(dryRun.data.accountCount)} accounts would be sent.`
                  : `${formatCount(dryRun.data.peopleCount)} people at ${formatCount(dryRun.data.accountCount)} accounts would be sent.`}
              </Text>
              <Text fz="sm">
                Expected match rate: {dryRun.data.expectedMatchRate.lowPercent}–{dryRun.data.expectedMatchRate.highPercent} % (about {formatCount(dryRun.data.expectedMatched.low)}–{formatCount(dryRun.data.expectedMatched.high)} matched). Not a promise: {dryRun.data.expectedMatchRate.basis}
              </Text>
              {dryRun.data.warnings.length > 0 && (
                <List fz="sm" c="orange.8" mt="xs">
                  {dryRun.data.warnings.map((warning) => (
                    <List.Item key={warning}>{warning}</List.Item>
                  ))}
                </List>
              )}
              {dryRun.data.limit.message && (
                <Alert mt="xs" color={dryRun.data.limit.kind === 'refused' ? 'red' : 'yellow'} variant="light">
                  {dryRun.data.limit.message}
                </Alert>
              )}
            </Card>
          )}
          {create.error && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(create.error)} {existingSyncId && <Anchor component={Link} to={`/advertising/segment-syncs/${existingSyncId}`}>Open the existing sync</Anchor>}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/advertising/segment-syncs">
              Cancel
            </Button>
            <Button
              disabled={!segmentId || !channel || !adAccountId || !dryRun.data || dryRun.data.limit.kind === 'refused'}
              loading={create.isPending}
              onClick={() =>
                segmentId && channel && adAccountId &&
                create.mutate({ body: { segmentId, channel, adAccountId } }, { onSuccess: (result) => navigate(`/advertising/segment-syncs/${result.sync.id}`) })
              }
            >
              Create Sync
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
