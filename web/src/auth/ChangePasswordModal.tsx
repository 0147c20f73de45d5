import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { changePassword } from '../../../src/contracts/auth';
import { errorMessage } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { SESSION_KEY, useLogout } from './session';

const MIN_PASSWORD_LENGTH = 12;

export function ChangePasswordModal({ isOpen, isOneTimePassword, onClose }: { isOpen: boolean; isOneTimePassword: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const mutation = useApiMutation(changePassword);
  const logout = useLogout();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeatedPassword, setRepeatedPassword] = useState('');
  const [isSubmitted, setSubmitted] = useState(false);

  const tooShort = newPassword.length < MIN_PASSWORD_LENGTH;
  const mismatch = newPassword !== repeatedPassword;

  const close = () => {
    setCurrentPassword('');
    setNewPassword('');
    setRepeatedPassword('');
    setSubmitted(false);
    mutation.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (tooShort || mismatch) return;
    mutation.mutate(
      { body: { currentPassword, newPassword } },
      {
        onSuccess: async () => {
          notifications.show({ color: 'green', title: 'Password changed', message: 'You stay logged in here; use your new password next time you log in.' });
          await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={isOpen}
      onClose={isOneTimePassword ? () => undefined : close}
      title={isOneTimePassword ? 'Change your one-time password' : 'Change password'}
      withCloseButton={!isOneTimePassword}
      closeOnEscape={!isOneTimePassword}
      closeOnClickOutside={!isOneTimePassword}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {isOneTimePassword && (
            <Text fz="sm" c="dimmed">
              You logged in with a one-time password. Choose your own password of at least {MIN_PASSWORD_LENGTH} characters to
              continue.
            </Text>
          )}
          {mutation.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          )}
          <PasswordInput
            label={isOneTimePassword ? 'One-time password' : 'Current password'}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label="New password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters`}
            autoComplete="new-password"
            required
            value={newPassword}
            error={isSubmitted && tooShort ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : undefined}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            required
            value={repeatedPassword}
            error={isSubmitted && !tooShort && mismatch ? 'The two passwords differ.' : undefined}
            onChange={(event) => setRepeatedPassword(event.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            {isOneTimePassword ? (
              <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
                Log out
              </Button>
            ) : (
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
            )}
            <Button type="submit" loading={mutation.isPending} disabled={currentPassword === ''}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
