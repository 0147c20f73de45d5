import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { adSyncRunStatusLabel, adSyncRunTriggerLabel, channelAudienceStatusLabel, getSync } from '../../../../src/contracts/syncs';
import { useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/formatDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CHANNEL_LABELS, formatCount, SyncStatusBadge } from './syncLabels';
import { SyncToggle } from './SyncToggle';

const ALERT_COLORS = { error: 'red', warning: 'yellow', info: 'blue' } as const;

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm">{value}</Text>
    </Stack>
  );
}

/** One sync: status and alerts with what to do, what was sent and matched, run history and per-record rejections. */
export function SyncDetailPage() {
  const { syncId = '' } = useParams();
  const detail = useApiQuery(getSync, { params: { syncId } }, { refetchInterval: 3_000 });
  if (detail.error) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return null;
  const { sync, alerts, runs, rejections } = detail.data;
  return (
    <>
      <PageHeader
        title={`${sync.segmentName} → ${CHANNEL_LABELS[sync.channel]}`}
        description={<>Sync ID {sync.id} · <Anchor component={Link} to="/advertising/segment-syncs">All segment syncs</Anchor></>}
        actions={
          <Group gap="sm">
            <SyncStatusBadge status={sync.status} />
            <SyncToggle sync={sync} />
          </Group>
        }
      />
      <Stack gap="lg">
        {alerts.map((alert) => (
          <Alert key={alert.id} color={ALERT_COLORS[alert.severity]} variant="light" title={alert.title} role={alert.severity === 'error' ? 'alert' : undefined} data-testid="sync-alert">
            <Text fz="sm">{alert.whatHappened}</Text>
            <Text fz="sm" fw={600} mt={4}>
              What to do: {alert.whatToDo}
            </Text>
          </Alert>
        ))}
        <Card withBorder padding="md">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Fact label="Ad account" value={`${sync.adAccountName} (${sync.adAccountId})`} />
            <Fact label="Audience" value={sync.audienceId ? `${sync.audienceName} (${sync.audienceId})` : 'Not created yet'} />
            <Fact label="Channel status" value={sync.channelStatus === null ? '—' : channelAudienceStatusLabel(sync.channelStatus)} />
            <Fact label="Sent (acknowledged)" value={formatCount(sync.sentCount)} />
            <Fact label="Matched" value={sync.matchedCount === null ? 'Not reported yet' : formatCount(sync.matchedCount)} />
            <Fact label="Created by" value={sync.createdByName ?? '—'} />
            <Fact label="Runs on the login of" value={sync.runsOnUserName ?? '—'} />
            <Fact label="Segment last refreshed" value={formatDateTime(sync.segmentLastRefreshedAt, 'Never')} />
            <Fact label="Last synced" value={formatDateTime(sync.lastSyncedAt, 'Never')} />
          </SimpleGrid>
        </Card>
        <Card withBorder padding="md">
          <Title order={2} fz="h4" mb="sm">
            Run history
          </Title>
          {runs.length === 0 ? (
            <Text fz="sm" c="dimmed">No runs yet: the first run starts in a moment.</Text>
          ) : (
            <Table aria-label="Run history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th>Result</Table.Th>
                  <Table.Th>Added</Table.Th>
                  <Table.Th>Removed</Table.Th>
                  <Table.Th>Rejected</Table.Th>
                  <Table.Th>Calls</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.map((run) => (
                  <Table.Tr key={run.id}>
                    <Table.Td>{formatDateTime(run.startedAt)}</Table.Td>
                    <Table.Td>{adSyncRunTriggerLabel(run.trigger)}</Table.Td>
                    <Table.Td>{run.status === 'failed' && run.errorMessage ? `Failed: ${run.errorMessage}` : run.status === 'running' && run.note ? run.note : adSyncRunStatusLabel(run.status)}</Table.Td>
                    <Table.Td>{`${formatCount(run.addedCount)} of ${formatCount(run.plannedAdd + run.plannedRetry)}`}</Table.Td>
                    <Table.Td>{`${formatCount(run.removedCount)} of ${formatCount(run.plannedRemove)}`}</Table.Td>
                    <Table.Td>{formatCount(run.rejectedCount)}</Table.Td>
                    <Table.Td>{formatCount(run.apiCalls)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder padding="md">
          <Title order={2} fz="h4" mb="sm">
            Rejected records ({formatCount(rejections.total)})
          </Title>
          {rejections.total === 0 ? (
            <Text fz="sm" c="dimmed">Nothing was rejected.</Text>
          ) : (
            <Table aria-label="Rejected records">
              <Table.Tbody>
                {rejections.items.map((item) => (
                  <Table.Tr key={`${item.label}-${item.at}-${item.code}`}>
                    <Table.Td>{item.label}</Table.Td>
                    <Table.Td>{item.reason}</Table.Td>
                    <Table.Td>{formatDateTime(item.at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Stack>
    </>
  );
}
