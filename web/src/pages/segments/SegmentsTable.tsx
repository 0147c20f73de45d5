import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { ActivationsPlusMenu } from './ActivationsPlusMenu';
import type { SegmentSummary } from '../../../../src/contracts/segments';
import { DateTimeCell, PagedTable, type PagedTableColumn, type PagedTablePagination } from '../../components/PagedTable';
import { describeActivations, describeSource, formatCount, segmentBadge } from './segmentDisplay';

/** The segment list: name and folder, source, accounts, status (with the source's error), activations, owner, refreshed. */
export function SegmentsTable({ segments, pagination }: { segments: readonly SegmentSummary[]; pagination: PagedTablePagination }) {
  return (
    <PagedTable
      label="Segments"
      columns={SEGMENT_COLUMNS}
      rows={segments}
      rowKey={(segment) => segment.id}
      rowTestId={(segment) => `segment-row-${segment.name}`}
      pagination={pagination}
      minWidth={900}
      tableProps={{ verticalSpacing: 'sm', highlightOnHover: true }}
    />
  );
}

function StatusBadge({ segment }: { segment: SegmentSummary }) {
  const badge = (
    <Badge color={segmentBadge(segment).color} variant="light" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }} data-testid="segment-status">
      {segmentBadge(segment).label}
    </Badge>
  );
  return segment.statusMessage === null ? (
    badge
  ) : (
    <Tooltip label={segment.statusMessage} multiline w={320} withArrow>
      {badge}
    </Tooltip>
  );
}

function Activations({ segment }: { segment: SegmentSummary }) {
  const activations = describeActivations(segment.activations);
  return (
    <Group gap={6} wrap="nowrap">
      <Text fz="sm" c={activations === null ? 'dimmed' : 'inherit'}>
        {activations ?? 'Not activated'}
      </Text>
      <ActivationsPlusMenu segment={segment} />
    </Group>
  );
}

const SEGMENT_COLUMNS: readonly PagedTableColumn<SegmentSummary>[] = [
  {
    key: 'segment',
    header: 'Segment',
    cellProps: { miw: 200 },
    cell: (segment) => (
      <>
        <Anchor component={Link} to={`/segments/${segment.id}`} fw={600} fz="sm">
          {segment.name}
        </Anchor>
        {segment.activations.publishedUses.includes('gtm') && (
          <Badge size="xs" color="grape" variant="light" ml={6}>
            GTM
          </Badge>
        )}
        {segment.folder !== null && (
          <Text fz="xs" c="dimmed">
            in {segment.folder.name}
          </Text>
        )}
      </>
    ),
  },
  {
    key: 'source',
    header: 'Source',
    cellProps: { maw: 260 },
    cell: (segment) => (
      <Text fz="sm" lineClamp={2}>
        {describeSource(segment.source)}
      </Text>
    ),
  },
  { key: 'accounts', header: 'Accounts', align: 'right', cellProps: { fw: 600 }, cell: (segment) => formatCount(segment.memberCount) },
  { key: 'status', header: 'Status', cellProps: { style: { whiteSpace: 'nowrap', minWidth: 130 } }, cell: (segment) => <StatusBadge segment={segment} /> },
  { key: 'activations', header: 'Activations', cell: (segment) => <Activations segment={segment} /> },
  { key: 'owner', header: 'Owner', cell: (segment) => <Text fz="sm">{segment.owner?.name ?? '—'}</Text> },
  {
    key: 'refreshed',
    header: 'Last refreshed',
    cell: (segment) => <DateTimeCell value={segment.lastRefreshedAt} fallback="Never" />,
  },
];
