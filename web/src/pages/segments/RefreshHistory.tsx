import { useState } from 'react';
import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconHistory } from '@tabler/icons-react';
import { listRefreshChanges, listSegmentRefreshes } from '../../../../src/contracts/segments';
import { useApiQuery } from '../../api/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { formatDateTime } from '../../components/formatDate';
import { QueryError } from '../../components/QueryError';
import { TablePagination } from '../../components/TablePagination';
import { formatCount } from './segmentDisplay';

const TRIGGER_LABELS = { create: 'Created', schedule: 'Daily refresh', manual: 'Refresh now', edit: 'Filters changed', manual_match: 'Match fixed by hand' } as const;

/** Every refresh of a segment: when, why, the counts, and the accounts it added and removed (with why). */
export function RefreshHistory({ segmentId }: { segmentId: string }) {
  const refreshes = useApiQuery(listSegmentRefreshes, { params: { segmentId } });
  const [openId, setOpenId] = useState<string | null>(null);
  if (refreshes.isPending) return <Skeleton height={200} radius="lg" />;
  if (refreshes.isError) return <QueryError error={refreshes.error} onRetry={() => void refreshes.refetch()} />;
  if (refreshes.data.items.length === 0) {
    return <EmptyPanel icon={IconHistory} title="No refreshes yet" description="Each daily refresh and each “Refresh now” appears here with the accounts it added and removed." />;
  }
  return (
    <Stack gap="sm">
      {refreshes.data.items.map((refresh) => {
        const isOpen = openId === refresh.id;
        const hasChanges = refresh.addedCount + refresh.removedCount > 0;
        return (
          <Paper key={refresh.id} withBorder radius="md" p="sm" bg="white" data-testid="refresh-entry">
            <Group justify="space-between" gap="sm">
              <Group gap="sm">
                <Badge color={refresh.status === 'succeeded' ? 'green' : 'red'} variant="light">
                  {refresh.status === 'succeeded' ? 'Succeeded' : 'Failed'}
                </Badge>
                <Text fz="sm" fw={600}>
                  {TRIGGER_LABELS[refresh.trigger]}
                </Text>
                <Text fz="sm" c="dimmed">
                  {formatDateTime(refresh.finishedAt)}
                  {refresh.triggeredBy !== null && ` · by ${refresh.triggeredBy.name ?? 'a user'}`}
                </Text>
                {refresh.note !== null && (
                  <Text fz="sm" c="dimmed" data-testid="refresh-note">
                    {refresh.note}
                  </Text>
                )}
              </Group>
              <Group gap="md">
                <Text fz="sm">
                  <Text span c="green.8" fw={600}>
                    +{formatCount(refresh.addedCount)}
                  </Text>{' '}
                  <Text span c="red.8" fw={600}>
                    −{formatCount(refresh.removedCount)}
                  </Text>{' '}
                  · {formatCount(refresh.counts.members)} accounts
                </Text>
                {hasChanges && (
                  <Button size="xs" variant="subtle" leftSection={isOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />} onClick={() => setOpenId(isOpen ? null : refresh.id)}>
                    {isOpen ? 'Hide changes' : 'Show changes'}
                  </Button>
                )}
              </Group>
            </Group>
            {refresh.errorMessage !== null && (
              <Text fz="sm" c="red.8" mt={6}>
                {refresh.errorMessage}
              </Text>
            )}
            {isOpen && <RefreshChanges segmentId={segmentId} refreshId={refresh.id} />}
          </Paper>
        );
      })}
    </Stack>
  );
}

function RefreshChanges({ segmentId, refreshId }: { segmentId: string; refreshId: string }) {
  const [page, setPage] = useState(1);
  const changes = useApiQuery(listRefreshChanges, { params: { segmentId, refreshId }, query: { page, pageSize: 25 } }, { placeholderData: (previous) => previous });
  if (changes.isPending) return <Skeleton height={120} mt="sm" />;
  if (changes.isError) return <QueryError error={changes.error} />;
  return (
    <div>
      <Table mt="sm" fz="sm" aria-label="Changes" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Change</Table.Th>
            <Table.Th>Company</Table.Th>
            <Table.Th>Domain</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.data.items.map((change) => (
            <Table.Tr key={`${change.change}-${change.companyId}`}>
              <Table.Td>
                <Badge size="sm" variant="light" color={change.change === 'added' ? 'green' : 'red'}>
                  {change.change === 'added' ? 'Added' : 'Removed'}
                </Badge>
              </Table.Td>
              <Table.Td>{change.name ?? change.companyId}</Table.Td>
              <Table.Td>{change.domain ?? '—'}</Table.Td>
              <Table.Td>{change.whyLabel}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <TablePagination page={page} pageSize={25} total={changes.data.total} onPageChange={setPage} itemLabel="changes" />
    </div>
  );
}
