import { useEffect, useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import { bulkAcceptMatches, getSegmentInsights, listUnmatchedRows, MIN_ACCEPT_SCORE } from '../../../../../src/contracts/segmentInsights';
import type { UnmatchedReasonCode } from '../../../../../src/contracts/segmentInsights';
import { getSegment, getSegmentConfirmation, listSegmentMembers, listSegmentRefreshes } from '../../../../../src/contracts/segments';
import type { SourceRowView } from '../../../../../src/contracts/segments';
import { errorMessage } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { QueryError } from '../../../components/QueryError';
import { PagedTable } from '../../../components/PagedTable';
import { usePageState } from '../../../components/usePageState';
import { formatCount } from '../segmentDisplay';

type Reason = UnmatchedReasonCode;

/** Short names for the filter; the table shows the specification's full sentence. */
const REASON_SHORT: Readonly<Record<Reason, string>> = {
  excluded_domain: 'Excluded domain',
  missing_data: 'Missing data',
  no_candidate: 'Not in the database',
  ambiguous: 'Several fit',
  low_score: 'Weak fit',
};

const percentOf = (score: number) => `${Math.round(score * 100)}%`;

/**
 * The "Unmatched Accounts" grouped by reason (a filter per reason, with counts) and, for editors, the bulk accept of
 * every suggested match scoring at least the score they pick. `changeKey` changes when a single fix changed the rows.
 */
export function UnmatchedRowsPanel({ segmentId, onFix, changeKey }: { segmentId: string; onFix: ((row: SourceRowView) => void) | undefined; changeKey: string }) {
  const [reason, setReason] = useState<Reason | 'all'>('all');
  const pageState = usePageState(25, 'unmatched');
  const { page, pageSize, setPage } = pageState;
  const [scorePercent, setScorePercent] = useState<number>(90);
  const [debouncedPercent] = useDebouncedValue(scorePercent, 250);
  const minScore = Math.min(1, Math.max(MIN_ACCEPT_SCORE, debouncedPercent / 100));
  const query = { page, pageSize, minScore, ...(reason === 'all' ? {} : { reason }) };
  const rows = useApiQuery(listUnmatchedRows, { params: { segmentId }, query }, { placeholderData: (previous) => previous });
  const accept = useApiMutation(bulkAcceptMatches, { invalidates: [listUnmatchedRows, getSegmentConfirmation, getSegment, listSegmentMembers, listSegmentRefreshes, getSegmentInsights] });
  const { refetch } = rows;
  useEffect(() => {
    void refetch();
  }, [changeKey, refetch]);

  if (rows.isPending) return <Text fz="sm">Loading the unmatched rows…</Text>;
  if (rows.isError) return <QueryError error={rows.error} onRetry={() => void rows.refetch()} />;
  const { groups, acceptableCount } = rows.data;
  const total = groups.reduce((sum, group) => sum + group.rowCount, 0);
  const isScoreValid = scorePercent >= MIN_ACCEPT_SCORE * 100 && scorePercent <= 100;

  const acceptAll = () =>
    accept.mutate(
      { params: { segmentId }, body: { minScore, ...(reason === 'all' ? {} : { reason }) } },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'indigo', message: `${formatCount(result.acceptedCount)} suggested ${result.acceptedCount === 1 ? 'match' : 'matches'} accepted; the segment now holds ${formatCount(result.counts.members)} accounts.` });
          setPage(1);
        },
        onError: (error) => notifications.show({ color: 'red', title: 'Nothing accepted', message: errorMessage(error) }),
      },
    );

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Unmatched rows by reason"
        data-testid="unmatched-reasons"
        value={reason}
        onChange={(value) => {
          setReason(value as Reason | 'all');
          setPage(1);
        }}
        data={[
          { value: 'all', label: `All reasons (${formatCount(total)})` },
          ...groups.map((group) => ({ value: group.reason, label: `${REASON_SHORT[group.reason]} (${formatCount(group.rowCount)})` })),
        ]}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      {onFix !== undefined && (
        <Paper withBorder radius="lg" p="md" bg="white" data-testid="bulk-accept">
          <Group align="flex-end" gap="md" wrap="wrap">
            <NumberInput
              label="Accept suggestions scoring at least"
              suffix="%"
              min={MIN_ACCEPT_SCORE * 100}
              max={100}
              step={5}
              value={scorePercent}
              onChange={(value) => setScorePercent(typeof value === 'number' ? value : Number(value))}
              error={isScoreValid ? undefined : 'Pick a score between 50% and 100%.'}
              w={260}
            />
            <Button leftSection={<IconChecks size={16} />} disabled={!isScoreValid || acceptableCount === 0 || debouncedPercent !== scorePercent} loading={accept.isPending} onClick={acceptAll}>
              {acceptableCount === 0 ? 'No suggestion to accept' : `Accept ${formatCount(acceptableCount)} suggested ${acceptableCount === 1 ? 'match' : 'matches'}`}
            </Button>
          </Group>
          <Text fz="xs" c="dimmed" mt="xs">
            Each row takes its best suggestion, as if you fixed it by hand: kept on every refresh and logged in the refresh history. Rows that several companies fit
            equally are left for you to choose (Fix match).
            {reason !== 'all' && ` Only rows of the chosen reason (${REASON_SHORT[reason]}).`}
          </Text>
        </Paper>
      )}
      <PagedTable
        label="Unmatched Accounts"
        columns={[
          { key: 'row', header: 'Row', width: 70, cellProps: { c: 'dimmed' }, cell: (row) => row.rowNumber },
          { key: 'name', header: 'Name', cellProps: { fw: 600 }, cell: (row) => row.name ?? '—' },
          { key: 'domain', header: 'Domain', cell: (row) => row.domain ?? '—' },
          { key: 'country', header: 'Country', cell: (row) => row.country ?? '—' },
          // miw: a URL in the Domain column has no break point and took the width, leaving the sentence a word a line.
          { key: 'reason', header: 'Reason', cellProps: { miw: 220, maw: 320 }, cell: (row) => <Text fz="sm">{row.reasonLabel ?? '—'}</Text> },
          {
            key: 'suggestion',
            header: 'Best suggestion',
            cell: (row) => {
              const best = row.candidates[0];
              const equalFits = row.candidates.filter((candidate) => candidate.isEqualFit);
              // Companies that fit equally (the reason says so in words): each with what tells it apart, no lone "100%".
              if (equalFits.length > 1) {
                return (
                  <Stack gap={4} data-testid="equal-fits">
                    {equalFits.map((candidate) => (
                      <Text key={candidate.companyId} fz="sm" lh={1.3}>
                        {candidate.name ?? candidate.companyId}
                        <Text span fz="xs" c="dimmed" display="block">
                          {candidate.detail}
                        </Text>
                      </Text>
                    ))}
                  </Stack>
                );
              }
              return best === undefined ? (
                <Text fz="sm" c="dimmed">
                  None
                </Text>
              ) : (
                <Group gap={6} wrap="nowrap">
                  <Text fz="sm">{best.name ?? best.companyId}</Text>
                  {/* Never shrunk: a long company name squeezed it to "1…". */}
                  <Badge size="sm" variant="light" color={best.score >= minScore ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
                    {percentOf(best.score)}
                  </Badge>
                </Group>
              );
            },
          },
          onFix !== undefined && {
            key: 'action',
            header: <VisuallyHidden>Action</VisuallyHidden>,
            cellProps: { ta: 'right' },
            cell: (row) => (
              <Button size="xs" variant="light" onClick={() => onFix(row)} aria-label={`Fix row ${row.rowNumber}`}>
                Fix match
              </Button>
            ),
          },
        ]}
        rows={rows.data.rows.items}
        rowKey={(row) => row.rowNumber}
        rowTestId={(row) => `row-${row.rowNumber}`}
        pagination={{ state: pageState, total: rows.data.rows.total, itemLabel: 'unmatched rows' }}
        minWidth={760}
        tableProps={{ verticalSpacing: 'sm' }}
      />
    </Stack>
  );
}
