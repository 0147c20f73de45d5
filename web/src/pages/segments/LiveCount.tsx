import { Group, Loader, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { filterNode, previewFilterCount } from '../../../../src/contracts/segments';
import type { FilterGroup } from '../../../../src/contracts/segments';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { formatCount } from './segmentDisplay';

/** The number of accounts a filter selects, counted by the server while the filter is edited. */
export function LiveCount({ filter }: { filter: FilterGroup }) {
  const [debounced] = useDebouncedValue(filter, 400);
  // Half-typed conditions (an empty value) are not sent: the count waits until the filter is complete.
  const isComplete = filterNode.safeParse(debounced).success;
  const count = useApiQuery(previewFilterCount, { body: { filter: debounced } }, { enabled: isComplete, retry: false, placeholderData: (previous) => previous });
  const isSettling = debounced !== filter || count.isFetching;
  return (
    <Paper radius="md" p="sm" bg="indigo.0" aria-live="polite">
      <Group gap="sm">
        {!isComplete ? (
          <Text fz="sm" c="dimmed">
            Complete each condition to see how many accounts match.
          </Text>
        ) : count.isError ? (
          <Text fz="sm" c="red">
            {errorMessage(count.error)}
          </Text>
        ) : (
          <Text fz="sm">
            <Text span fw={700} fz="lg" data-testid="live-count" data-settled={String(!isSettling)}>
              {count.data === undefined ? '…' : formatCount(count.data.count)}
            </Text>{' '}
            accounts match these filters
          </Text>
        )}
        {isComplete && isSettling && <Loader size="xs" aria-label="Counting" />}
      </Group>
    </Paper>
  );
}
