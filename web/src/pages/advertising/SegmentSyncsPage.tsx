import { Anchor, Button, Card, Group, Select, Text } from '@mantine/core';
import { IconBroadcast, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router-dom';
import { listSegments } from '../../../../src/contracts/segments';
import { adChannelSchema, channelAudienceStatusLabel, listSyncs, syncStatusSchema, type AdChannel, type SyncStatusValue } from '../../../../src/contracts/syncs';
import { listUsers } from '../../../../src/contracts/users';
import { useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { EmptyPanel } from '../../components/EmptyPanel';
import { formatDateTime } from '../../components/formatDate';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/PagedTable';
import { usePageState } from '../../components/usePageState';
import { CHANNEL_LABELS, formatCount, STATUS_LABELS, SyncStatusBadge } from './syncLabels';
import { SyncToggle } from './SyncToggle';

/** Advertising > Segment Syncs: every sync of the organisation at ad-account level, with filters and pagination. */
export function SegmentSyncsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const pageState = usePageState(25);
  const { page, pageSize } = pageState;
  const canCreate = useCan('sync.create');
  const filter = {
    status: syncStatusSchema.safeParse(searchParams.get('status')).data,
    channel: adChannelSchema.safeParse(searchParams.get('channel')).data,
    createdBy: searchParams.get('createdBy') ?? undefined,
    segmentId: searchParams.get('segmentId') ?? undefined,
  };
  const syncs = useApiQuery(listSyncs, { query: { ...filter, page, pageSize } }, { refetchInterval: 5_000 });
  const users = useApiQuery(listUsers, {});
  const segments = useApiQuery(listSegments, { query: { page: 1, pageSize: 100 } });
  const setFilter = (key: string, value: string | null) =>
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(key, value);
      else next.delete(key);
      next.set('page', '1');
      return next;
    });

  return (
    <>
      <PageHeader
        title="Segment Syncs"
        description="The status of every segment synced to Google, LinkedIn and Meta ad accounts across your organization."
        actions={
          canCreate && (
            <Button component={Link} to="/advertising/segment-syncs/new" leftSection={<IconPlus size={16} />}>
              Create Sync
            </Button>
          )
        }
      />
      <Card withBorder padding="md">
        <Text fw={600} mb="sm">
          Total Segment Syncs
        </Text>
        <Group gap="sm" mb="md">
          <Select label="Status" placeholder="Any status" clearable w={160} value={filter.status ?? null} onChange={(value) => setFilter('status', value)}
            data={syncStatusSchema.options.map((status: SyncStatusValue) => ({ value: status, label: STATUS_LABELS[status] }))} />
          <Select label="Channel" placeholder="Any channel" clearable w={160} value={filter.channel ?? null} onChange={(value) => setFilter('channel', value)}
            data={adChannelSchema.options.map((channel: AdChannel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))} />
          <Select label="Created by" placeholder="Anyone" clearable searchable w={200} value={filter.createdBy ?? null} onChange={(value) => setFilter('createdBy', value)}
            data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))} />
          <Select label="Segment" placeholder="Any segment" clearable searchable w={220} value={filter.segmentId ?? null} onChange={(value) => setFilter('segmentId', value)}
            data={(segments.data?.items ?? []).map((segment) => ({ value: segment.id, label: segment.name }))} />
        </Group>
        <PagedTable
          label="Segment syncs"
          columns={[
            {
              key: 'segment',
              header: 'Segment',
              cell: (sync) => (
                <Anchor component={Link} to={`/advertising/segment-syncs/${sync.id}`}>
                  {sync.segmentName}
                </Anchor>
              ),
            },
            { key: 'channel', header: 'Channel', cell: (sync) => CHANNEL_LABELS[sync.channel] },
            { key: 'adAccount', header: 'Ad account', cell: (sync) => sync.adAccountName },
            { key: 'status', header: 'Status', cell: (sync) => <SyncStatusBadge status={sync.status} /> },
            { key: 'channelStatus', header: 'Channel status', cell: (sync) => (sync.channelStatus === null ? '—' : channelAudienceStatusLabel(sync.channelStatus)) },
            {
              key: 'counts',
              header: 'Sent / matched',
              cell: (sync) => (
                <>
                  {formatCount(sync.sentCount)} / {formatCount(sync.matchedCount)}
                </>
              ),
            },
            { key: 'createdBy', header: 'Created by', cell: (sync) => sync.createdByName ?? '—' },
            { key: 'lastSynced', header: 'Last synced', cell: (sync) => formatDateTime(sync.lastSyncedAt, 'Never') },
            { key: 'on', header: 'On', cell: (sync) => <SyncToggle sync={sync} /> },
          ]}
          query={syncs}
          rowKey={(sync) => sync.id}
          rowTestId={() => 'sync-row'}
          pagination={{ state: pageState, itemLabel: 'syncs' }}
          empty={<EmptyPanel icon={IconBroadcast} title="No segment syncs" description={Object.values(filter).some(Boolean) ? 'No sync matches these filters.' : 'Syncs appear here once a segment is activated on an ad channel.'} />}
          isFramed={false}
          tableProps={{ striped: true, highlightOnHover: true }}
        />
      </Card>
    </>
  );
}
