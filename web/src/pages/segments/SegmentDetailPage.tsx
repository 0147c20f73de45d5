import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Loader, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconFilter, IconRefresh } from '@tabler/icons-react';
import { exportSegmentMembers, getSegment, listSegmentRefreshes, listSegments, refreshSegmentNow } from '../../../../src/contracts/segments';
import type { SegmentDetail } from '../../../../src/contracts/segments';
import { errorMessage, fetchFile } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { formatDateTime } from '../../components/formatDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { EditFiltersModal } from './EditFiltersModal';
import { FilterSummary } from './FilterSummary';
import { MessageWithHelpLink } from './MessageWithHelpLink';
import { RefreshHistory } from './RefreshHistory';
import { SegmentInsightsPanel } from './insights/SegmentInsightsPanel';
import { SegmentActions } from './SegmentActions';
import { describeActivations, describeSource, downloadCsv, formatCount, segmentBadge } from './segmentDisplay';
import { SegmentMembersTable } from './SegmentMembersTable';

/** A segment: counts, accounts, source and filters, refresh history, and the actions the role allows. */
export function SegmentDetailPage() {
  const segmentId = useParams().segmentId ?? '';
  const canEdit = useCan('segment.edit');
  // Set when "Refresh now" was queued: the segment's last attempt seen then, to notice when the refresh has run.
  const [refreshSeen, setRefreshSeen] = useState<{ lastAttemptedAt: string | null } | null>(null);
  const isRefreshRequested = refreshSeen !== null;
  const query = useApiQuery(
    getSegment,
    { params: { segmentId } },
    // Follows queued and running work without a reload (the badge goes Refresh queued → Refreshing → Up to date).
    { refetchInterval: (current) => (isRefreshRequested || (current.state.data !== undefined && segmentBadge(current.state.data.segment).isWorking) ? 2000 : false) },
  );
  const refresh = useApiMutation(refreshSegmentNow, { invalidates: [getSegment, listSegmentRefreshes, listSegments] });
  const [isExporting, setExporting] = useState(false);
  const current = query.data?.segment;
  useEffect(() => {
    if (refreshSeen === null || current === undefined) return;
    if (current.lastAttemptedAt !== refreshSeen.lastAttemptedAt && current.status !== 'refreshing') setRefreshSeen(null);
  }, [refreshSeen, current]);

  if (query.isPending) {
    return (
      <Stack gap="md" role="status" aria-label="Loading the segment">
        <Skeleton height={48} width={360} />
        <Skeleton height={96} radius="lg" />
        <Skeleton height={320} radius="lg" />
      </Stack>
    );
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const segment = query.data.segment;

  const exportCsv = async () => {
    setExporting(true);
    try {
      downloadCsv(await fetchFile(exportSegmentMembers, { params: { segmentId } }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  };
  const refreshNow = () =>
    refresh.mutate(
      { params: { segmentId } },
      {
        onSuccess: (result) => {
          setRefreshSeen({ lastAttemptedAt: segment.lastAttemptedAt });
          notifications.show({ color: 'indigo', message: result.isQueued ? 'Refresh queued: the accounts update in a moment.' : 'A refresh of this segment is already running.' });
        },
        onError: (error) => notifications.show({ color: 'red', title: 'Refresh not started', message: errorMessage(error) }),
      },
    );

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/segments">
          Segments
        </Anchor>
        {segment.folder !== null && <Text fz="sm">{segment.folder.name}</Text>}
        <Text fz="sm">{segment.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={segment.name}
        description={
          <Group gap="xs" component="span">
            <Badge color={segmentBadge(segment).color} variant="light" data-testid="segment-status" leftSection={segmentBadge(segment).isWorking ? <Loader size={10} color="blue" /> : undefined}>
              {segmentBadge(segment).label}
            </Badge>
            <span>
              {describeSource(segment.source)} · refreshed {formatDateTime(segment.lastRefreshedAt, 'never')}
              {segment.nextRefreshAt !== null && ` · next ${formatDateTime(segment.nextRefreshAt)}`}
            </span>
          </Group>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconDownload size={16} />} loading={isExporting} onClick={() => void exportCsv()}>
              Export CSV
            </Button>
            {canEdit && (
              <Button variant="default" leftSection={<IconRefresh size={16} />} loading={refresh.isPending || isRefreshRequested || segment.status === 'refreshing'} onClick={refreshNow}>
                Refresh now
              </Button>
            )}
            <SegmentActions segment={segment} />
          </>
        }
      />
      <Stack gap="lg">
        {segment.statusMessage !== null && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This segment stopped updating" role="alert" data-testid="segment-error">
            <MessageWithHelpLink message={segment.statusMessage} /> The last good membership is kept.
          </Alert>
        )}
        <Counts segment={segment} />
        <Tabs defaultValue="accounts" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="accounts">Accounts</Tabs.Tab>
            <Tabs.Tab value="source">Source and filters</Tabs.Tab>
            <Tabs.Tab value="history">Refresh history</Tabs.Tab>
            <Tabs.Tab value="insights">Insights</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="accounts">
            <SegmentMembersTable segmentId={segment.id} />
          </Tabs.Panel>
          <Tabs.Panel value="source">
            <SourcePanel segment={segment} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <RefreshHistory segmentId={segment.id} />
          </Tabs.Panel>
          <Tabs.Panel value="insights">
            <SegmentInsightsPanel segmentId={segment.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

function Counts({ segment }: { segment: SegmentDetail }) {
  const cells = [
    { label: 'Accounts', value: segment.counts.members, testId: 'segment-members' },
    { label: 'Records read', value: segment.counts.recordsRead, testId: 'segment-read' },
    { label: 'Matched', value: segment.counts.matched, testId: 'segment-matched' },
    { label: 'Unmatched Accounts', value: segment.counts.unmatched, testId: 'segment-unmatched' },
    { label: 'Duplicate Matches Ignored', value: segment.counts.duplicates, testId: 'segment-duplicates' },
  ];
  const isFromRecords = segment.source.type !== 'filters';
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: isFromRecords ? 5 : 2 }} spacing="md">
      {cells.slice(0, isFromRecords ? cells.length : 1).map((cell, index) => (
        <Paper key={cell.label} withBorder radius="lg" p="md" bg={index === 0 ? 'indigo.0' : 'white'}>
          <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
            {cell.label}
          </Text>
          <Text fz={26} fw={700} data-testid={cell.testId}>
            {formatCount(cell.value)}
          </Text>
        </Paper>
      ))}
      {!isFromRecords && (
        <Paper withBorder radius="lg" p="md" bg="white">
          <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
            Activations
          </Text>
          <Text fz="lg" fw={600} mt={6}>
            {describeActivations(segment.activations) ?? 'Not activated'}
          </Text>
        </Paper>
      )}
    </SimpleGrid>
  );
}

function SourcePanel({ segment }: { segment: SegmentDetail }) {
  const canEdit = useCan('segment.edit');
  const [isEditing, setEditing] = useState(false);
  const source = segment.source;
  const facts = [
    ['Source', source.label],
    ...(source.provider !== null ? [['CRM', source.provider === 'salesforce' ? 'Salesforce' : 'Dynamics 365']] : []),
    ...(source.sourceId !== null ? [['List or report', source.sourceName ?? 'Unnamed in the CRM']] : []),
    ...(source.sourceId !== null ? [['CRM id', source.sourceId]] : []),
    ...(source.objectType !== null ? [['Records', source.objectType]] : []),
    ...(source.fileName !== null ? [['File', source.fileName]] : []),
    ['Activations', describeActivations(segment.activations) ?? 'Not activated'],
    ['Created', formatDateTime(segment.createdAt)],
    ['Owner', segment.owner?.name ?? '—'],
  ];
  return (
    <Stack gap="md">
      <Paper withBorder radius="lg" p="lg" bg="white">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {facts.map(([label, value]) => (
            <Group key={label} gap="sm" wrap="nowrap" align="flex-start">
              <Text fz="sm" c="dimmed" w={130}>
                {label}
              </Text>
              <Text fz="sm" fw={500} tt={label === 'Records' ? 'capitalize' : undefined}>
                {value}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
        {source.type !== 'filters' && (
          <Anchor component={Link} to={`/segments/${segment.id}/confirmation`} fz="sm" mt="md" display="inline-block">
            See how the records matched (confirmation)
          </Anchor>
        )}
      </Paper>
      <div>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Filters</Text>
          {canEdit && (
            <Button size="xs" variant="light" leftSection={<IconFilter size={14} />} onClick={() => setEditing(true)}>
              Edit filters
            </Button>
          )}
        </Group>
        {segment.filter === null ? (
          <Text fz="sm" c="dimmed">
            No filters: the segment holds every account its source matched.
          </Text>
        ) : (
          <FilterSummary node={segment.filter} />
        )}
      </div>
      {isEditing && <EditFiltersModal segment={segment} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
