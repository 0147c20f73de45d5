import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { ROLE_LABELS } from '../../../../../src/contracts/permissions';
import type { Role } from '../../../../../src/contracts/permissions';
import { addUser, listUsers } from '../../../../../src/contracts/users';
import { errorMessage, fieldError } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';
import { useSession } from '../../../auth/session';
import { ShownOnceSecret } from '../../../components/ShownOnceSecret';
import { assignableRoleOptions } from './roleOptions';

export function AddUserModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { user: actor } = useSession();
  const mutation = useApiMutation(addUser, { invalidates: [listUsers] });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('marketing_user');

  const close = () => {
    setName('');
    setEmail('');
    setRole('marketing_user');
    mutation.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ body: { name: name.trim(), email: email.trim(), role } });
  };

  const added = mutation.data;
  // The server's sentences go under the field they concern ("Enter a valid e-mail address.").
  const nameError = fieldError(mutation.error, 'name');
  const emailError = fieldError(mutation.error, 'email');
  const hasFieldErrors = nameError !== undefined || emailError !== undefined;
  return (
    <Modal opened={isOpen} onClose={close} title={added === undefined ? 'Add user' : 'User added'} centered size="md">
      {added === undefined ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {mutation.isError && !hasFieldErrors && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(mutation.error)}
              </Alert>
            )}
            <TextInput
              label="Name"
              required
              value={name}
              error={nameError}
              onChange={(event) => setName(event.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
            <TextInput
              label="E-mail"
              type="email"
              required
              value={email}
              error={emailError}
              onChange={(event) => setEmail(event.currentTarget.value)}
              autoComplete="off"
            />
            <Select
              label="Role"
              required
              data={assignableRoleOptions(actor.role)}
              value={role}
              onChange={(value) => value !== null && setRole(value as Role)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending} disabled={name.trim() === '' || email.trim() === ''}>
                Add user
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="md">
          <Text fz="sm">
            <b>{added.user.name}</b> ({added.user.email}) can now log in as {ROLE_LABELS[added.user.role]}. Give them this one-time password;
            they will be asked to choose their own when they log in.
          </Text>
          <ShownOnceSecret label="One-time password" secret={added.oneTimePassword} hint="This password is shown only once. Copy it now." />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
