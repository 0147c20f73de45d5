import { useState } from 'react';
import { Badge, Checkbox, Group, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconStack2 } from '@tabler/icons-react';
import { listPublishedSegments, publishSegment, unpublishSegment, PUBLISH_USES, PUBLISH_USE_LABELS, type PublishingRow, type PublishUse } from '../../../../src/contracts/publishing';
import { listSegments } from '../../../../src/contracts/segments';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { formatCount } from '../segments/segmentDisplay';
import { usePageState } from '../../components/usePageState';

type Change = { row: PublishingRow; use: PublishUse; isPublishing: boolean };

/** Settings > Published Segments: a checkbox per use for every segment, each change confirmed; read-only without segment.publish. */
export function PublishedSegmentsPage() {
  const canPublish = useCan('segment.publish');
  const [search, setSearch] = useState('');
  const [isPublishedOnly, setIsPublishedOnly] = useState(false);
  const pageState = usePageState(50);
  const { page, pageSize, setPage } = pageState;
  const [change, setChange] = useState<Change | null>(null);
  const query = useApiQuery(listPublishedSegments, { query: { search: search || undefined, publishedOnly: isPublishedOnly ? 'true' : 'false', page, pageSize } });
  const publish = useApiMutation(publishSegment, { invalidates: [listPublishedSegments, listSegments] });
  const unpublish = useApiMutation(unpublishSegment, { invalidates: [listPublishedSegments, listSegments] });
  const mutation = change?.isPublishing ? publish : unpublish;

  const confirm = () => {
    if (!change) return;
    const done = { onSuccess: () => {
      notifications.show({ color: 'green', message: `“${change.row.name}” ${change.isPublishing ? 'published to' : 'unpublished from'} ${PUBLISH_USE_LABELS[change.use]}.` });
      setChange(null);
    } };
    if (change.isPublishing) publish.mutate({ params: { segmentId: change.row.segmentId }, body: { uses: [change.use] } }, done);
    else unpublish.mutate({ params: { segmentId: change.row.segmentId, use: change.use } }, done);
  };

  return (
    <>
      <PageHeader
        title="Published Segments"
        description={`Publishing a segment allows openabm experiences and external systems to have access to its accounts. Up to 200 segments can be published at any given time${query.data ? ` (${query.data.publishedCount} published now)` : ''}.`}
      />
      <Group mb="md" gap="md">
        <TextInput leftSection={<IconSearch size={16} />} placeholder="Search segments" aria-label="Search segments" value={search} onChange={(event) => { setSearch(event.currentTarget.value); setPage(1); }} w={320} />
        <Switch label="Published only" checked={isPublishedOnly} onChange={(event) => { setIsPublishedOnly(event.currentTarget.checked); setPage(1); }} />
      </Group>
      <PagedTable
        label="Published segments"
        columns={[
          {
            key: 'segment',
            header: 'Segment',
            cell: (row) => (
              <>
                <Group gap="xs">
                  <Text fw={600} fz="sm">{row.name}</Text>
                  {row.uses.includes('gtm') && <Badge size="xs" color="grape" variant="light">GTM</Badge>}
                </Group>
                <Text fz="xs" c="dimmed">{row.sourceLabel} · {formatCount(row.memberCount)} {row.memberCount === 1 ? 'account' : 'accounts'}</Text>
              </>
            ),
          },
          ...PUBLISH_USES.map((use): PagedTableColumn<PublishingRow> => ({
            key: use,
            header: PUBLISH_USE_LABELS[use],
            align: 'center',
            cell: (row) => {
              const isChecked = row.uses.includes(use);
              const lock = use === 'gtm' ? gtmLock(row, isChecked) : null;
              return (
                <Tooltip label={lock ?? ''} disabled={lock === null} multiline w={300}>
                  <Checkbox
                    style={{ display: 'inline-block' }}
                    aria-label={`${PUBLISH_USE_LABELS[use]}: ${row.name}`}
                    checked={isChecked}
                    disabled={!canPublish || lock !== null}
                    onChange={() => setChange({ row, use, isPublishing: !isChecked })}
                  />
                </Tooltip>
              );
            },
          })),
        ]}
        query={query}
        rowKey={(row) => row.segmentId}
        rowTestId={(row) => `published-row-${row.name}`}
        pagination={{ state: pageState, itemLabel: 'segments' }}
        empty={<EmptyPanel icon={IconStack2} title="No segments" description={search || isPublishedOnly ? 'No segment matches.' : 'Create a segment first; then publish it here or from the Segments list.'} />}
        minWidth={800}
        tableProps={{ verticalSpacing: 'sm' }}
      />
      <ConfirmDialog
        isOpen={change !== null}
        title={change?.isPublishing ? 'Publish Segment' : 'Unpublish segment'}
        confirmLabel="Confirm"
        isDestructive={change?.isPublishing === false}
        isPending={mutation.isPending}
        error={mutation.error}
        onCancel={() => { publish.reset(); unpublish.reset(); setChange(null); }}
        onConfirm={confirm}
      >
        {change && (change.isPublishing ? `Publish “${change.row.name}” to ${PUBLISH_USE_LABELS[change.use]}?` : `Unpublish “${change.row.name}” from ${PUBLISH_USE_LABELS[change.use]}?`)}
      </ConfirmDialog>
    </>
  );
}

/** Why the GTM box cannot change: an ineligible segment, or saved reports using it. */
function gtmLock(row: PublishingRow, isChecked: boolean): string | null {
  if (isChecked && row.usedBy.length > 0) return `Used by ${row.usedBy.map((report) => `${report.kindLabel} “${report.name}”`).join(', ')}: it can’t be unpublished.`;
  if (!isChecked && row.gtmIneligibleReason) return row.gtmIneligibleReason;
  return null;
}
