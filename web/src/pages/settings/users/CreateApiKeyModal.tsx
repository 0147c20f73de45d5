import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { ROLE_LABELS } from '../../../../../src/contracts/permissions';
import type { Role } from '../../../../../src/contracts/permissions';
import { createApiKey, listApiKeys } from '../../../../../src/contracts/users';
import { errorMessage } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';
import { useSession } from '../../../auth/session';
import { ShownOnceSecret } from '../../../components/ShownOnceSecret';
import { assignableRoleOptions } from './roleOptions';

export function CreateApiKeyModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { user: actor } = useSession();
  const mutation = useApiMutation(createApiKey, { invalidates: [listApiKeys] });
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('view_only');

  const close = () => {
    setName('');
    setRole('view_only');
    mutation.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ body: { name: name.trim(), role } });
  };

  const created = mutation.data;
  return (
    <Modal opened={isOpen} onClose={close} title={created === undefined ? 'Create API key' : 'API key created'} centered>
      {created === undefined ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {mutation.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(mutation.error)}
              </Alert>
            )}
            <TextInput
              label="Name"
              description="Say what uses it, e.g. “Data warehouse export”."
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
            <Select
              label="Role"
              description="What the key may do, as for a user with this role."
              required
              data={assignableRoleOptions(actor.role)}
              value={role}
              onChange={(value) => value !== null && setRole(value as Role)}
              allowDeselect={false}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending} disabled={name.trim() === ''}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="md">
          <Text fz="sm">
            <b>{created.apiKey.name}</b> acts as {ROLE_LABELS[created.apiKey.role]}. Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
          </Text>
          <ShownOnceSecret label="API key" secret={created.secret} hint="This key is shown only once. Copy it now and store it somewhere safe." />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
