import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createSegmentFolder, listSegmentFolders } from '../../../../src/contracts/segmentFolders';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';

export function NewFolderModal({ isOpen, onClose, onCreated }: { isOpen: boolean; onClose: () => void; onCreated?: (folder: { id: string; name: string }) => void }) {
  const mutation = useApiMutation(createSegmentFolder, { invalidates: [listSegmentFolders] });
  const [name, setName] = useState('');
  const close = () => {
    setName('');
    mutation.reset();
    onClose();
  };
  return (
    <Modal opened={isOpen} onClose={close} title="New folder" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(
            { body: { name } },
            {
              onSuccess: ({ folder }) => {
                notifications.show({ color: 'green', message: `Folder “${folder.name}” created.` });
                close();
                onCreated?.(folder);
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <TextInput label="Folder name" required maxLength={200} value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
          {mutation.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={name.trim() === ''}>
              Create folder
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
