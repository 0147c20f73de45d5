import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { searchAccounts } from '../../../../src/contracts/accounts';
import { fixUnmatchedRow, getSegment, getSegmentConfirmation, listSegmentMembers, listSegmentRefreshes } from '../../../../src/contracts/segments';
import type { SourceRowView } from '../../../../src/contracts/segments';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';

interface Choice {
  readonly companyId: string;
  readonly name: string | null;
  readonly domain: string | null;
  readonly country: string | null;
  readonly score?: number;
  /** One of the companies that fit the row equally well, and what tells it apart from the others. */
  readonly isEqualFit?: boolean;
  readonly detail?: string | null;
}

/** Fixes an unmatched row: pick one of its candidates, or any company found by searching. Kept on every refresh. */
export function FixRowModal({ segmentId, row, onClose }: { segmentId: string; row: SourceRowView | null; onClose: () => void }) {
  return (
    <Modal opened={row !== null} onClose={onClose} title={row === null ? '' : `Match row ${row.rowNumber}`} centered size="lg">
      {row !== null && <FixRowForm key={row.rowNumber} segmentId={segmentId} row={row} onClose={onClose} />}
    </Modal>
  );
}

function FixRowForm({ segmentId, row, onClose }: { segmentId: string; row: SourceRowView; onClose: () => void }) {
  const mutation = useApiMutation(fixUnmatchedRow, { invalidates: [getSegmentConfirmation, getSegment, listSegmentMembers, listSegmentRefreshes] });
  const [picked, setPicked] = useState<string | null>(null);
  const [search, setSearch] = useState(row.candidates.length === 0 ? (row.name ?? row.domain ?? '') : '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const found = useApiQuery(searchAccounts, { query: { search: debouncedSearch, pageSize: 10 } }, { enabled: debouncedSearch !== '' });
  const candidateIds = new Set(row.candidates.map((candidate) => candidate.companyId));
  const searchChoices: Choice[] = (found.data?.items ?? []).filter((item) => !candidateIds.has(item.companyId));

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm" bg="gray.0">
        <Text fz="sm">
          <b>{row.name ?? 'No name'}</b> · {row.domain ?? 'no domain'} · {row.country ?? 'no country'}
        </Text>
        {row.reasonLabel !== null && (
          <Text fz="xs" c="dimmed" mt={4}>
            {row.reasonLabel}
          </Text>
        )}
      </Paper>
      <Radio.Group
        value={picked}
        onChange={setPicked}
        label={row.candidates.length === 0 ? undefined : row.candidates.some((candidate) => candidate.isEqualFit) ? 'Companies that fit equally well: choose one' : 'Closest companies in the database'}
      >
        <Stack gap="xs" mt={row.candidates.length > 0 ? 'xs' : 0}>
          {row.candidates.map((candidate) => (
            <ChoiceRadio key={candidate.companyId} choice={candidate} />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label="Search the company database"
        placeholder="Company name or domain"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {debouncedSearch !== '' && (
        <ScrollArea.Autosize mah={220}>
          <Radio.Group value={picked} onChange={setPicked} aria-label="Search results">
            <Stack gap="xs">
              {found.isPending ? (
                <Text fz="sm" c="dimmed">
                  Searching…
                </Text>
              ) : found.isError ? (
                <Text fz="sm" c="red">
                  {errorMessage(found.error)}
                </Text>
              ) : searchChoices.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  No other company matches “{debouncedSearch}”.
                </Text>
              ) : (
                searchChoices.map((choice) => <ChoiceRadio key={choice.companyId} choice={choice} />)
              )}
            </Stack>
          </Radio.Group>
        </ScrollArea.Autosize>
      )}
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
          disabled={picked === null}
          loading={mutation.isPending}
          onClick={() =>
            picked !== null &&
            mutation.mutate(
              { params: { segmentId, rowNumber: row.rowNumber }, body: { companyId: picked } },
              {
                onSuccess: (result) => {
                  notifications.show({ color: 'green', message: `Row ${row.rowNumber} now matches ${result.row.company?.name ?? 'the company you picked'}. The match is kept on every refresh.` });
                  onClose();
                },
              },
            )
          }
        >
          Use this company
        </Button>
      </Group>
    </Stack>
  );
}

function ChoiceRadio({ choice }: { choice: Choice }) {
  return (
    <Radio
      value={choice.companyId}
      label={
        <Group gap="xs">
          <Text fz="sm" fw={600} span>
            {choice.name ?? choice.companyId}
          </Text>
          {choice.isEqualFit === true ? (
            <Badge size="xs" variant="light" color="orange">
              equal fit
            </Badge>
          ) : (
            choice.score !== undefined && (
              <Badge size="xs" variant="light" color="gray">
                score {choice.score.toFixed(2)}
              </Badge>
            )
          )}
        </Group>
      }
      description={(choice.isEqualFit === true ? choice.detail : null) ?? ([choice.domain, choice.country].filter((part) => part !== null).join(' · ') || undefined)}
    />
  );
}
