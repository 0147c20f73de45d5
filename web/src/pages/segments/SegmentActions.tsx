import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ActionIcon, Alert, Button, Group, Menu, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBroadcast, IconCopy, IconDots, IconFolderShare, IconPencil, IconStack2, IconTrash } from '@tabler/icons-react';
import { PublishSegmentModal } from './PublishSegmentModal';
import { deleteSegment, duplicateSegment, getSegment, listSegments, updateSegment } from '../../../../src/contracts/segments';
import { listSegmentFolders } from '../../../../src/contracts/segmentFolders';
import type { SegmentDetail } from '../../../../src/contracts/segments';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';

type Dialog = 'rename' | 'move' | 'duplicate' | 'delete' | 'publish' | null;

/** Rename, move, duplicate and delete, each shown only to roles that may do it, each confirmed. */
export function SegmentActions({ segment }: { segment: SegmentDetail }) {
  const canEdit = useCan('segment.edit');
  const canCreate = useCan('segment.create');
  const canDelete = useCan('segment.delete');
  const canPublish = useCan('segment.publish');
  const canSync = useCan('sync.create');
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!canEdit && !canCreate && !canDelete) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label="More segment actions">
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {canEdit && (
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setDialog('rename')}>
              Rename
            </Menu.Item>
          )}
          {canEdit && (
            <Menu.Item leftSection={<IconFolderShare size={14} />} onClick={() => setDialog('move')}>
              Move to folder
            </Menu.Item>
          )}
          {canCreate && (
            <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => setDialog('duplicate')}>
              Duplicate
            </Menu.Item>
          )}
          {(canPublish || canSync) && (
            <>
              <Menu.Divider />
              <Menu.Label>Activate</Menu.Label>
              {canPublish && (
                <Menu.Item leftSection={<IconStack2 size={14} />} onClick={() => setDialog('publish')}>
                  Publish Segment
                </Menu.Item>
              )}
              {canSync && (
                <Menu.Item leftSection={<IconBroadcast size={14} />} component={Link} to={`/advertising/segment-syncs/new?segmentId=${segment.id}`}>
                  Create Sync
                </Menu.Item>
              )}
            </>
          )}
          {canDelete && (
            <>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDialog('delete')}>
                Delete
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog === 'rename' && <RenameModal segment={segment} onClose={() => setDialog(null)} />}
      {dialog === 'move' && <MoveModal segment={segment} onClose={() => setDialog(null)} />}
      {dialog === 'duplicate' && <DuplicateModal segment={segment} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteDialog segment={segment} onClose={() => setDialog(null)} />}
      {dialog === 'publish' && <PublishSegmentModal segment={segment} onClose={() => setDialog(null)} />}
    </>
  );
}

function RenameModal({ segment, onClose }: { segment: SegmentDetail; onClose: () => void }) {
  const mutation = useApiMutation(updateSegment, { invalidates: [getSegment, listSegments] });
  const [name, setName] = useState(segment.name);
  return (
    <Modal opened onClose={onClose} title="Rename segment" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate({ params: { segmentId: segment.id }, body: { name } }, { onSuccess: onClose });
        }}
      >
        <Stack gap="md">
          <TextInput label="Segment name" required maxLength={200} value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
          <MutationError error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={name.trim() === '' || name.trim() === segment.name}>
              Rename
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MoveModal({ segment, onClose }: { segment: SegmentDetail; onClose: () => void }) {
  const mutation = useApiMutation(updateSegment, { invalidates: [getSegment, listSegments, listSegmentFolders] });
  const folders = useApiQuery(listSegmentFolders, undefined);
  const [folderId, setFolderId] = useState<string>(segment.folder?.id ?? 'none');
  return (
    <Modal opened onClose={onClose} title="Move to folder" centered>
      <Stack gap="md">
        <Select
          label="Folder"
          data={[{ value: 'none', label: 'No folder' }, ...(folders.data?.items ?? []).map((folder) => ({ value: folder.id, label: folder.name }))]}
          value={folderId}
          onChange={(value) => value !== null && setFolderId(value)}
          allowDeselect={false}
        />
        <MutationError error={mutation.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={mutation.isPending}
            onClick={() => mutation.mutate({ params: { segmentId: segment.id }, body: { folderId: folderId === 'none' ? null : folderId } }, { onSuccess: onClose })}
          >
            Move
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DuplicateModal({ segment, onClose }: { segment: SegmentDetail; onClose: () => void }) {
  const navigate = useNavigate();
  const mutation = useApiMutation(duplicateSegment, { invalidates: [listSegments, listSegmentFolders] });
  const [name, setName] = useState(`Copy of ${segment.name}`.slice(0, 200));
  return (
    <Modal opened onClose={onClose} title="Duplicate segment" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(
            { params: { segmentId: segment.id }, body: { name } },
            {
              onSuccess: ({ segment: copy }) => {
                notifications.show({ color: 'green', message: `“${copy.name}” created with the same source, filters and match fixes.` });
                onClose();
                navigate(`/segments/${copy.id}`);
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <TextInput label="Name of the copy" required maxLength={200} value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
          <MutationError error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={name.trim() === ''}>
              Duplicate
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteDialog({ segment, onClose }: { segment: SegmentDetail; onClose: () => void }) {
  const navigate = useNavigate();
  const mutation = useApiMutation(deleteSegment, { invalidates: [listSegments, listSegmentFolders] });
  if (segment.deleteBlockedReason !== null) {
    return (
      <Modal opened onClose={onClose} title="This segment cannot be deleted" centered>
        <Stack gap="md">
          <Alert color="yellow" variant="light" role="alert">
            {segment.deleteBlockedReason}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>OK</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  return (
    <ConfirmDialog
      isOpen
      title="Delete segment"
      confirmLabel="Delete segment"
      isDestructive
      isPending={mutation.isPending}
      error={mutation.error}
      onCancel={onClose}
      onConfirm={() =>
        mutation.mutate(
          { params: { segmentId: segment.id } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `“${segment.name}” was deleted.` });
              navigate('/segments');
            },
          },
        )
      }
    >
      Delete <b>{segment.name}</b> and its membership history? This cannot be undone.
    </ConfirmDialog>
  );
}

function MutationError({ error }: { error: Error | null }) {
  if (error === null) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
