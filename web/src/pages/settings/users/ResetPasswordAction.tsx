import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { listUsers, resetUserPassword } from '../../../../../src/contracts/users';
import type { UserSummary } from '../../../../../src/contracts/users';
import { useApiMutation } from '../../../api/hooks';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ShownOnceSecret } from '../../../components/ShownOnceSecret';

/** "Reset password" on a user row: asks first, then shows the new one-time password once. */
export function ResetPasswordAction({ user }: { user: UserSummary }) {
  const mutation = useApiMutation(resetUserPassword, { invalidates: [listUsers] });
  const [isConfirming, setConfirming] = useState(false);

  const closeAll = () => {
    setConfirming(false);
    mutation.reset();
  };

  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setConfirming(true)} aria-label={`Reset password of ${user.name}`}>
        Reset password
      </Button>
      <ConfirmDialog
        isOpen={isConfirming && !mutation.isSuccess}
        title="Reset password"
        confirmLabel="Reset password"
        isPending={mutation.isPending}
        error={mutation.error}
        onCancel={closeAll}
        onConfirm={() => mutation.mutate({ params: { userId: user.id } })}
      >
        Give <b>{user.name}</b> ({user.email}) a new one-time password? Their current password stops working and they are logged out
        everywhere; at their next log-in they choose a new password.
      </ConfirmDialog>
      <Modal opened={mutation.isSuccess} onClose={closeAll} title="New one-time password" centered>
        <Stack gap="md">
          <Text fz="sm">Hand this password to {user.name} in person or through a channel you trust.</Text>
          {mutation.data && (
            <ShownOnceSecret label="One-time password" secret={mutation.data.oneTimePassword} hint="It is shown only now. If it is lost, reset the password again." />
          )}
          <Group justify="flex-end">
            <Button onClick={closeAll}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
