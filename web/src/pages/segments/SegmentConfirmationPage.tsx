import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { exportUnmatchedRows, getSegment, getSegmentConfirmation, listSegmentMembers, listSegmentRefreshes, undoRowFix } from '../../../../src/contracts/segments';
import type { SourceRowView } from '../../../../src/contracts/segments';
import { errorMessage, fetchFile } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { AccountLink } from '../../components/AccountLink';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { SandboxDataNotice } from '../../components/SandboxDataNotice';
import { QueryError } from '../../components/QueryError';
import { PagedTable, type PagedTablePagination } from '../../components/PagedTable';
import { usePageState } from '../../components/usePageState';
import { FixRowModal } from './FixRowModal';
import { UnmatchedRowsPanel } from './insights/UnmatchedRowsPanel';
import { downloadCsv, formatCount } from './segmentDisplay';

/** After an upload or a CRM sync: what was read, matched, left unmatched (fixable) and ignored as duplicates. */
export function SegmentConfirmationPage() {
  const segmentId = useParams().segmentId ?? '';
  const canEdit = useCan('segment.edit');
  const pageState = usePageState(25);
  const segment = useApiQuery(getSegment, { params: { segmentId } });
  const confirmation = useApiQuery(getSegmentConfirmation, { params: { segmentId }, query: pageState.query }, { placeholderData: (previous) => previous });
  const [fixing, setFixing] = useState<SourceRowView | null>(null);
  const [undoing, setUndoing] = useState<SourceRowView | null>(null);
  const undoFix = useApiMutation(undoRowFix, { invalidates: [getSegmentConfirmation, getSegment, listSegmentMembers, listSegmentRefreshes] });
  const [isDownloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      downloadCsv(await fetchFile(exportUnmatchedRows, { params: { segmentId } }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Download failed', message: errorMessage(error) });
    } finally {
      setDownloading(false);
    }
  };

  if (segment.isError) return <QueryError error={segment.error} onRetry={() => void segment.refetch()} />;
  const name = segment.data?.segment.name ?? '…';
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/segments">
          Segments
        </Anchor>
        <Anchor component={Link} to={`/segments/${segmentId}`}>
          {name}
        </Anchor>
        <Text fz="sm">Confirmation</Text>
      </Breadcrumbs>
      <PageHeader
        title={`${name}: confirmation`}
        description={
          canEdit
            ? "How the source's records matched the company database. The segment holds each matched company once; fix an unmatched row by picking its company."
            : "How the source's records matched the company database. The segment holds each matched company once; an editor of the segment can match the unmatched rows."
        }
        actions={
          <Button component={Link} to={`/segments/${segmentId}`} rightSection={<IconArrowRight size={16} />}>
            Open segment
          </Button>
        }
      />
      <SandboxDataNotice context="confirmation" />
      {confirmation.isPending ? (
        <Stack gap="md" role="status" aria-label="Loading the confirmation">
          <Skeleton height={96} radius="lg" />
          <Skeleton height={280} radius="lg" />
        </Stack>
      ) : confirmation.isError ? (
        <QueryError error={confirmation.error} onRetry={() => void confirmation.refetch()} />
      ) : (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
            <Stat label="Records read" value={confirmation.data.counts.recordsRead} testId="count-read" />
            <Stat label="Matched" value={confirmation.data.counts.matched} testId="count-matched" />
            <Stat label="Unmatched Accounts" value={confirmation.data.counts.unmatched} testId="count-unmatched" />
            <Stat label="Duplicate Matches Ignored" value={confirmation.data.counts.duplicates} testId="count-duplicates" />
            <Stat label="Accounts in the segment" value={confirmation.data.counts.members} testId="count-members" isHighlighted />
          </SimpleGrid>
          {confirmation.data.nameCountryMatches > 0 && (
            <Text fz="sm" c="dimmed" data-testid="count-name-country">
              Of the matched records, {formatCount(confirmation.data.nameCountryMatches)} {confirmation.data.nameCountryMatches === 1 ? 'has' : 'have'} a personal e-mail or other excluded domain
              and {confirmation.data.nameCountryMatches === 1 ? 'was' : 'were'} matched on name and country alone (Settings → Companies turns this off).
            </Text>
          )}

          <section aria-label="Unmatched Accounts">
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="h4">
                Unmatched Accounts
              </Title>
              {confirmation.data.counts.unmatched > 0 && (
                <Button variant="default" size="sm" leftSection={<IconDownload size={16} />} loading={isDownloading} onClick={() => void download()}>
                  Download CSV
                </Button>
              )}
            </Group>
            {confirmation.data.unmatched.total === 0 ? (
              <Paper withBorder radius="lg" p="lg" bg="white">
                <Group gap="sm">
                  <IconCircleCheck size={20} color="var(--mantine-color-green-7)" />
                  <Text fz="sm">Every record matched a company in the database.</Text>
                </Group>
              </Paper>
            ) : (
              <UnmatchedRowsPanel segmentId={segmentId} onFix={canEdit ? setFixing : undefined} changeKey={`${confirmation.data.counts.unmatched}:${confirmation.data.counts.matched}`} />
            )}
          </section>

          {confirmation.data.manualMatches.length > 0 && (
            <section aria-label="Fixed matches">
              <Title order={2} fz="h4" mb="sm">
                Fixed by hand
              </Title>
              <RowsTable label="Fixed matches" rows={confirmation.data.manualMatches} showCompany {...(canEdit ? { onFix: setFixing, onUndo: (row: SourceRowView) => setUndoing(row) } : {})} />
            </section>
          )}

          <section aria-label="Duplicate Matches Ignored">
            <Title order={2} fz="h4" mb="sm">
              Duplicate Matches Ignored
            </Title>
            {confirmation.data.duplicates.total === 0 ? (
              <Text fz="sm" c="dimmed">
                No two records matched the same company.
              </Text>
            ) : (
              <RowsTable
                label="Duplicate Matches Ignored"
                rows={confirmation.data.duplicates.items}
                showCompany
                {...(confirmation.data.duplicates.total > confirmation.data.duplicates.items.length
                  ? { pagination: { state: pageState, total: confirmation.data.duplicates.total, itemLabel: 'duplicate rows' } }
                  : {})}
              />
            )}
          </section>
        </Stack>
      )}
      <FixRowModal segmentId={segmentId} row={fixing} onClose={() => setFixing(null)} />
      <ConfirmDialog
        isOpen={undoing !== null}
        title="Undo the hand fix"
        error={undoFix.error}
        confirmLabel="Undo fix"
        isPending={undoFix.isPending}
        onCancel={() => {
          setUndoing(null);
          undoFix.reset();
        }}
        onConfirm={() =>
          undoing !== null &&
          undoFix.mutate(
            { params: { segmentId, rowNumber: undoing.rowNumber } },
            {
              onSuccess: () => {
                notifications.show({ color: 'indigo', message: `Row ${undoing.rowNumber} is matched as the matching engine found it again.` });
                setUndoing(null);
              },
            },
          )
        }
      >
        {undoing !== null && `Row ${undoing.rowNumber} (${undoing.name ?? 'no name'}) goes back to unmatched and leaves the segment unless a refresh matches it.`}
      </ConfirmDialog>
    </>
  );
}

function Stat({ label, value, testId, isHighlighted = false }: { label: string; value: number; testId: string; isHighlighted?: boolean }) {
  return (
    <Paper withBorder radius="lg" p="md" bg={isHighlighted ? 'indigo.0' : 'white'}>
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {formatCount(value)}
      </Text>
    </Paper>
  );
}

function RowsTable({
  label,
  rows,
  showReason = false,
  showCompany = false,
  onFix,
  onUndo,
  pagination,
}: {
  label: string;
  rows: readonly SourceRowView[];
  showReason?: boolean;
  showCompany?: boolean;
  onFix?: (row: SourceRowView) => void;
  /** Fixed rows: undo the hand fix (onFix then changes the pick). */
  onUndo?: (row: SourceRowView) => void;
  /** Paged lists (the duplicates), when they run past one page. */
  pagination?: PagedTablePagination;
}) {
  return (
    <PagedTable
      label={label}
      columns={[
        { key: 'row', header: 'Row', width: 70, cellProps: { c: 'dimmed' }, cell: (row) => row.rowNumber },
        { key: 'name', header: 'Name', cellProps: { fw: 600 }, cell: (row) => row.name ?? '—' },
        { key: 'domain', header: 'Domain', cell: (row) => row.domain ?? '—' },
        { key: 'country', header: 'Country', cell: (row) => row.country ?? '—' },
        showReason && {
          key: 'reason',
          header: 'Reason',
          cellProps: { maw: 360 },
          cell: (row) => (
            <>
              <Text fz="sm">{row.reasonLabel ?? '—'}</Text>
              {row.candidates.length > 0 && (
                <Badge size="xs" variant="light" mt={4}>
                  {row.candidates.length} {row.candidates.length === 1 ? 'candidate' : 'candidates'}
                </Badge>
              )}
            </>
          ),
        },
        showCompany && {
          key: 'company',
          header: 'Company',
          cell: (row) =>
            row.company === null ? (
              '—'
            ) : (
              <AccountLink companyId={row.company.id}>{row.company.name ?? row.company.id}</AccountLink>
            ),
        },
        onFix !== undefined && {
          key: 'action',
          header: null,
          cellProps: { ta: 'right' },
          cell: (row) => (
            <Group gap="xs" justify="flex-end" wrap="nowrap">
              <Button size="xs" variant="light" onClick={() => onFix(row)} aria-label={onUndo === undefined ? `Fix row ${row.rowNumber}` : `Change the match of row ${row.rowNumber}`}>
                {onUndo === undefined ? 'Fix match' : 'Change'}
              </Button>
              {onUndo !== undefined && (
                <Button size="xs" variant="subtle" color="red" onClick={() => onUndo(row)} aria-label={`Undo the fix of row ${row.rowNumber}`}>
                  Undo
                </Button>
              )}
            </Group>
          ),
        },
      ]}
      rows={rows}
      rowKey={(row) => row.rowNumber}
      rowTestId={(row) => `row-${row.rowNumber}`}
      {...(pagination !== undefined ? { pagination } : {})}
      minWidth={720}
      tableProps={{ verticalSpacing: 'sm' }}
    />
  );
}
