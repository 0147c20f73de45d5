import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { getSegment, listFilterFields, listRefreshChanges, listSegmentMembers, listSegmentRefreshes, listSegments, updateSegment } from '../../../../src/contracts/segments';
import type { FilterGroup, SegmentDetail } from '../../../../src/contracts/segments';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { emptyGroup, FilterBuilder } from './FilterBuilder';
import { LiveCount } from './LiveCount';
import { useCrmSourceOptions } from './useCrmSourceOptions';

/** The segment's filter as an editable root group (a single condition is wrapped in an AND group). */
function rootGroupOf(segment: SegmentDetail): FilterGroup {
  if (segment.filter === null) return emptyGroup();
  return segment.filter.kind === 'group' ? segment.filter : { kind: 'group', combinator: 'and', children: [segment.filter] };
}

/** Changes a segment's filters; the server rebuilds the membership and records the change in the refresh history. */
export function EditFiltersModal({ segment, onClose }: { segment: SegmentDetail; onClose: () => void }) {
  const [filter, setFilter] = useState<FilterGroup>(() => rootGroupOf(segment));
  const fields = useApiQuery(listFilterFields, undefined);
  const crmSources = useCrmSourceOptions();
  const mutation = useApiMutation(updateSegment, { invalidates: [getSegment, listSegments, listSegmentMembers, listSegmentRefreshes, listRefreshChanges] });
  const isFiltersOnly = segment.source.type === 'filters';
  const isEmpty = filter.children.length === 0;
  return (
    <Modal opened onClose={onClose} title="Edit filters" centered size="xl">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {isFiltersOnly ? 'The segment holds the companies that match these filters.' : 'Only the accounts of the source that also match these filters stay in the segment.'}
        </Text>
        <FilterBuilder value={filter} onChange={setFilter} fields={fields.data} crmSources={crmSources} />
        {isFiltersOnly && <LiveCount filter={filter} />}
        {mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={mutation.isPending}
            disabled={isFiltersOnly && isEmpty}
            onClick={() =>
              mutation.mutate(
                { params: { segmentId: segment.id }, body: { filter: isEmpty ? null : filter } },
                {
                  onSuccess: ({ segment: updated }) => {
                    notifications.show({ color: 'green', message: `Filters saved: the segment now holds ${updated.memberCount.toLocaleString('en')} accounts.` });
                    onClose();
                  },
                },
              )
            }
          >
            Save filters
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
