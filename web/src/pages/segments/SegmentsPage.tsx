import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ActionIcon, Button, Group, Paper, Select, Skeleton, Stack, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChartPie, IconFolder, IconFolderPlus, IconFolderX, IconPlus, IconSearch } from '@tabler/icons-react';
import { deleteSegmentFolder, listSegmentFolders } from '../../../../src/contracts/segmentFolders';
import { listSegments, SEGMENT_STATUSES, SOURCE_TYPE_LABELS, SOURCE_TYPES } from '../../../../src/contracts/segments';
import { listUsers } from '../../../../src/contracts/users';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { usePageState } from '../../components/usePageState';
import { NewFolderModal } from './NewFolderModal';
import { segmentBadge, SEGMENT_STATUS_LABELS } from './segmentDisplay';
import { SegmentsTable } from './SegmentsTable';

const DAY_MS = 24 * 60 * 60 * 1000;
const REFRESHED_OPTIONS = [
  { value: 'day', label: 'In the last 24 hours' },
  { value: 'week', label: 'In the last 7 days' },
  { value: 'stale', label: 'More than 7 days ago' },
];

/** "Refreshed" choice → the API's refreshedAfter / refreshedBefore. */
function refreshedRange(choice: string | null): { refreshedAfter?: string; refreshedBefore?: string } {
  const now = Date.now();
  if (choice === 'day') return { refreshedAfter: new Date(now - DAY_MS).toISOString() };
  if (choice === 'week') return { refreshedAfter: new Date(now - 7 * DAY_MS).toISOString() };
  if (choice === 'stale') return { refreshedBefore: new Date(now - 7 * DAY_MS).toISOString() };
  return {};
}

const FILTER_KEYS = ['q', 'folder', 'source', 'owner', 'status', 'refreshed'] as const;

export function SegmentsPage() {
  const canCreate = useCan('segment.create');
  const [searchParams, setSearchParams] = useSearchParams();
  const pageState = usePageState(25);
  const [searchText, setSearchText] = useState(searchParams.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(searchText.trim(), 300);
  const [isFolderModalOpen, setFolderModalOpen] = useState(false);
  const get = (key: (typeof FILTER_KEYS)[number]) => searchParams.get(key);
  // Computed once per choice, so the query key stays stable between renders.
  const [refreshed, setRefreshed] = useState(() => ({ choice: get('refreshed'), range: refreshedRange(get('refreshed')) }));

  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | null) =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (value === null || value === '') params.delete(key);
        else params.set(key, value);
        params.set('page', '1');
        return params;
      },
      { replace: true },
    );

  const folders = useApiQuery(listSegmentFolders, undefined);
  const canEditFolders = useCan('segment.edit');
  const selectedFolder = folders.data?.items.find((folder) => folder.id === get('folder'));
  const [deletingFolder, setDeletingFolder] = useState<{ id: string; name: string; segmentCount: number } | null>(null);
  const deleteFolder = useApiMutation(deleteSegmentFolder, { invalidates: [listSegmentFolders, listSegments] });
  const users = useApiQuery(listUsers, undefined);
  const query = {
    ...pageState.query,
    ...(debouncedSearch !== '' ? { search: debouncedSearch } : {}),
    ...(get('folder') !== null ? { folderId: get('folder') ?? undefined } : {}),
    ...(get('source') !== null ? { sourceType: get('source') as (typeof SOURCE_TYPES)[number] } : {}),
    ...(get('owner') !== null ? { ownerUserId: get('owner') ?? undefined } : {}),
    ...(get('status') !== null ? { status: get('status') as (typeof SEGMENT_STATUSES)[number] } : {}),
    ...refreshed.range,
  };
  // While a listed segment refreshes (or waits for a worker), the list follows it without a reload.
  const segments = useApiQuery(
    listSegments,
    { query },
    { placeholderData: (previous) => previous, refetchInterval: (current) => (current.state.data?.items.some((item) => segmentBadge(item).isWorking) === true ? 2000 : false) },
  );
  const isFiltered = debouncedSearch !== '' || FILTER_KEYS.some((key) => key !== 'q' && get(key) !== null);

  // Keep the search in the address (shareable, survives a reload); only when it differs, so no loop.
  const addressSearch = get('q') ?? '';
  useEffect(() => {
    if (debouncedSearch !== addressSearch) setFilter('q', debouncedSearch);
  }, [debouncedSearch, addressSearch]);

  const isEmptyOrg = segments.data !== undefined && segments.data.total === 0 && !isFiltered && (folders.data?.items.length ?? 0) === 0;

  return (
    <>
      <PageHeader
        title="Segments"
        description="Account lists built from CRM lists and reports, uploads and filters, refreshed daily."
        actions={
          canCreate && (
            <>
              <Button variant="default" leftSection={<IconFolderPlus size={16} />} onClick={() => setFolderModalOpen(true)}>
                New folder
              </Button>
              <Button component={Link} to="/segments/new" leftSection={<IconPlus size={16} />}>
                Create segment
              </Button>
            </>
          )
        }
      />
      {segments.isPending ? (
        <Stack gap="sm" role="status" aria-label="Loading segments">
          <Skeleton height={36} />
          <Skeleton height={320} radius="lg" />
        </Stack>
      ) : segments.isError ? (
        <QueryError error={segments.error} onRetry={() => void segments.refetch()} />
      ) : isEmptyOrg ? (
        <EmptyPanel
          icon={IconChartPie}
          title="No segments yet"
          description={
            canCreate
              ? 'Create a segment from a Salesforce list or report, an uploaded account list, or filters over the company database.'
              : 'Segments your team creates will appear here.'
          }
        />
      ) : (
        <Stack gap="md">
          <Paper withBorder radius="lg" p="sm" bg="white">
            <Group gap="sm" wrap="wrap">
              <TextInput
                aria-label="Search segments"
                placeholder="Search by name"
                leftSection={<IconSearch size={16} />}
                value={searchText}
                onChange={(event) => setSearchText(event.currentTarget.value)}
                style={{ flex: '1 1 160px' }}
              />
              <Select
                aria-label="Folder"
                placeholder="All folders"
                clearable
                w={150}
                data={[{ value: 'none', label: 'No folder' }, ...(folders.data?.items ?? []).map((folder) => ({ value: folder.id, label: `${folder.name} (${folder.segmentCount})` }))]}
                value={get('folder')}
                onChange={(value) => setFilter('folder', value)}
              />
              {canEditFolders && selectedFolder !== undefined && (
                <Tooltip label={`Delete folder “${selectedFolder.name}”`} withArrow>
                  <ActionIcon variant="subtle" color="red" size="md" aria-label={`Delete folder ${selectedFolder.name}`} onClick={() => setDeletingFolder(selectedFolder)}>
                    <IconFolderX size={18} />
                  </ActionIcon>
                </Tooltip>
              )}
              <Select
                aria-label="Source type"
                placeholder="Any source"
                clearable
                w={160}
                data={SOURCE_TYPES.map((type) => ({ value: type, label: SOURCE_TYPE_LABELS[type] }))}
                value={get('source')}
                onChange={(value) => setFilter('source', value)}
              />
              <Select
                aria-label="Owner"
                placeholder="Any owner"
                clearable
                searchable
                w={150}
                data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
                value={get('owner')}
                onChange={(value) => setFilter('owner', value)}
              />
              <Select
                aria-label="Refreshed"
                placeholder="Refreshed: any"
                clearable
                w={160}
                data={REFRESHED_OPTIONS}
                value={refreshed.choice}
                onChange={(value) => {
                  setRefreshed({ choice: value, range: refreshedRange(value) });
                  setFilter('refreshed', value);
                }}
              />
              <Select
                aria-label="Status"
                placeholder="Any status"
                clearable
                w={130}
                data={SEGMENT_STATUSES.map((status) => ({ value: status, label: SEGMENT_STATUS_LABELS[status] }))}
                value={get('status')}
                onChange={(value) => setFilter('status', value)}
              />
            </Group>
          </Paper>
          {(folders.data?.items.length ?? 0) > 0 && (
            <Group gap="xs" role="group" aria-label="Folders">
              {(folders.data?.items ?? []).map((folder) => (
                <Button
                  key={folder.id}
                  size="compact-sm"
                  radius="xl"
                  variant={get('folder') === folder.id ? 'filled' : 'light'}
                  leftSection={<IconFolder size={14} />}
                  onClick={() => setFilter('folder', get('folder') === folder.id ? null : folder.id)}
                  aria-pressed={get('folder') === folder.id}
                >
                  {folder.name} ({folder.segmentCount})
                </Button>
              ))}
            </Group>
          )}
          {segments.data.total === 0 && selectedFolder !== undefined && selectedFolder.segmentCount === 0 ? (
            <EmptyPanel
              icon={IconFolder}
              title={`“${selectedFolder.name}” is empty`}
              description="Move a segment here with “Move to folder” in its actions menu, or pick this folder when you create a segment."
            />
          ) : segments.data.total === 0 ? (
            <EmptyPanel icon={IconSearch} title="No segments match" description="No segment matches this search and these filters. Clear a filter to see more." />
          ) : (
            <div>
              <SegmentsTable segments={segments.data.items} pagination={{ state: pageState, total: segments.data.total, itemLabel: 'segments' }} />
            </div>
          )}
        </Stack>
      )}
      <NewFolderModal isOpen={isFolderModalOpen} onClose={() => setFolderModalOpen(false)} onCreated={(folder) => setFilter('folder', folder.id)} />
      <ConfirmDialog
        isOpen={deletingFolder !== null}
        title="Delete folder"
        confirmLabel="Delete folder"
        isDestructive
        isPending={deleteFolder.isPending}
        error={deleteFolder.error}
        onCancel={() => {
          setDeletingFolder(null);
          deleteFolder.reset();
        }}
        onConfirm={() =>
          deletingFolder !== null &&
          deleteFolder.mutate(
            { params: { folderId: deletingFolder.id } },
            {
              onSuccess: () => {
                setDeletingFolder(null);
                deleteFolder.reset();
                setFilter('folder', null);
              },
            },
          )
        }
      >
        Delete the folder <b>{deletingFolder?.name}</b>? Its {deletingFolder?.segmentCount ?? 0} segments stay, outside any folder.
      </ConfirmDialog>
    </>
  );
}
