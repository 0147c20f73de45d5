import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { connectSandboxChannel, getAdvertisingOverview } from '../../../../src/contracts/syncs';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { formatDateTime } from '../../components/formatDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ChannelSignInModal } from './ChannelSignInModal';
import { CHANNEL_LABELS, SyncStatusBadge } from './syncLabels';

const STATUS_TEXT = { not_connected: 'Not connected', connected: 'Connected', reauth_required: 'Sign in again' } as const;
const STATUS_COLOR = { not_connected: 'gray', connected: 'green', reauth_required: 'red' } as const;

/** Advertising > Overview: your own channel integrations (each user signs in to each channel) and the org's active syncs. */
export function AdvertisingOverviewPage() {
  const [searchParams] = useSearchParams();
  const overview = useApiQuery(getAdvertisingOverview, {});
  const connect = useApiMutation(connectSandboxChannel, { invalidates: [getAdvertisingOverview] });
  const canConnect = useCan('channels.connect');
  const canManageSettings = useCan('integrations.manage');
  const callbackError = searchParams.get('error');
  const [signingIn, setSigningIn] = useState<{ channel: 'google' | 'linkedin' | 'meta'; displayName: string } | undefined>();
  return (
    <>
      <PageHeader title="Advertising" description="For security reasons, the channel integrations require every user to authenticate themselves to sync segments." />
      {callbackError && (
        <Alert color="red" variant="light" mb="md" role="alert">
          {callbackError}
        </Alert>
      )}
      {connect.error && (
        <Alert color="red" variant="light" mb="md" role="alert">
          {errorMessage(connect.error)}
        </Alert>
      )}
      <ChannelSignInModal channel={signingIn?.channel} displayName={signingIn?.displayName ?? ''} onClose={() => setSigningIn(undefined)} />
      {overview.error && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {overview.data.channels.map((channel) => (
              <Card key={channel.channel} withBorder padding="md" data-testid={`channel-${channel.channel}`}>
                <Group justify="space-between" mb="xs">
                  <Title order={2} fz="h4">
                    {channel.displayName}
                  </Title>
                  <Badge color={STATUS_COLOR[channel.status]} variant="light">
                    {STATUS_TEXT[channel.status]}
                  </Badge>
                </Group>
                <Text fz="sm" c="dimmed">
                  {channel.status === 'connected' ? `Connected ${formatDateTime(channel.connectedAt)}` : (channel.statusReason ?? 'Connect your own login to sync segments to this channel.')}
                </Text>
                {channel.reauthDueAt && <Text fz="xs" c="dimmed">Sign in again by {formatDateTime(channel.reauthDueAt)} (yearly re-authentication).</Text>}
                <Text fz="sm" mt="xs">
                  Active channel syncs: {channel.activeSyncCount}
                  {channel.failedSyncCount > 0 ? ` · failed: ${channel.failedSyncCount}` : ''}
                </Text>
                {canConnect && channel.isSandboxAvailable && channel.status !== 'connected' && (
                  <Button mt="sm" size="xs" loading={connect.isPending} onClick={() => connect.mutate({ params: { channel: channel.channel } })}>
                    Connect {channel.displayName} (sandbox)
                  </Button>
                )}
                {canConnect && !channel.isSandboxAvailable && channel.status !== 'connected' && (
                  <Button mt="sm" size="xs" onClick={() => setSigningIn({ channel: channel.channel, displayName: channel.displayName })}>
                    {channel.status === 'reauth_required' ? 'Sign in again' : `Connect ${channel.displayName}`}
                  </Button>
                )}
              </Card>
            ))}
          </SimpleGrid>
          <Card withBorder padding="md">
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="h4">
                Active Channel Syncs
              </Title>
              <Text fz="sm" c="dimmed">
                {overview.data.usage.limit === null ? `${overview.data.usage.usedCount} syncs on` : `${overview.data.usage.usedCount} of ${overview.data.usage.limit} contracted syncs used`}
                {canManageSettings && (
                  <>
                    {' · '}
                    <Anchor component={Link} to="/settings/advertising">
                      Sync limit and Google consent
                    </Anchor>
                  </>
                )}
              </Text>
            </Group>
            {overview.data.activeSyncs.length === 0 ? (
              <Text fz="sm" c="dimmed">
                No active syncs. <Anchor component={Link} to="/advertising/segment-syncs/new">Create a sync</Anchor>.
              </Text>
            ) : (
              <Table aria-label="Active syncs">
                <Table.Tbody>
                  {overview.data.activeSyncs.map((sync) => (
                    <Table.Tr key={sync.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/advertising/segment-syncs/${sync.id}`}>
                          {sync.segmentName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{CHANNEL_LABELS[sync.channel]}</Table.Td>
                      <Table.Td>{sync.adAccountName}</Table.Td>
                      <Table.Td>
                        <SyncStatusBadge status={sync.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Stack>
      )}
    </>
  );
}
