import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS } from '../../../../../src/contracts/permissions';
import type { Role } from '../../../../../src/contracts/permissions';
import { listUsers, updateUser } from '../../../../../src/contracts/users';
import type { UserSummary } from '../../../../../src/contracts/users';
import { useApiMutation } from '../../../api/hooks';
import { useCan, useSession } from '../../../auth/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatDateTime } from '../../../components/formatDate';
import { TablePagination, pageSlice } from '../../../components/TablePagination';
import { usePageState } from '../../../components/usePageState';
import { ResetPasswordAction } from './ResetPasswordAction';
import { assignableRoleOptions } from './roleOptions';

type PendingChange = { kind: 'role'; user: UserSummary; role: Role } | { kind: 'deactivate'; user: UserSummary } | null;

export function UsersTable({ users }: { users: readonly UserSummary[] }) {
  const { user: actor } = useSession();
  const canManage = useCan('users.manage');
  const mutation = useApiMutation(updateUser, { invalidates: [listUsers] });
  const [pending, setPending] = useState<PendingChange>(null);
  const { page, pageSize, setPage, setPageSize } = usePageState(25, 'users');
  const roleOptions = assignableRoleOptions(actor.role);

  const cancel = () => {
    setPending(null);
    mutation.reset();
  };
  const apply = (user: UserSummary, body: { role?: Role; isActive?: boolean }, doneMessage: string) => {
    mutation.mutate(
      { params: { userId: user.id }, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: doneMessage });
          setPending(null);
          mutation.reset();
        },
      },
    );
  };

  /** Whether the logged-in admin may change this user: never themselves, never a role above what they may assign. */
  const isEditable = (user: UserSummary) => canManage && user.id !== actor.id && roleOptions.some((option) => option.value === user.role);

  const rows = pageSlice(users, page, pageSize).map((user) => (
    <Table.Tr key={user.id} data-testid={`user-row-${user.email}`}>
      <Table.Td>
        <Text fz="sm" fw={600}>
          {user.name}
          {user.id === actor.id && (
            <Text span c="dimmed" fz="xs" fw={400}>
              {' '}
              (you)
            </Text>
          )}
        </Text>
        <Text fz="xs" c="dimmed">
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td miw={200}>
        {isEditable(user) && user.isActive ? (
          <Select
            aria-label={`Role of ${user.name}`}
            size="xs"
            data={roleOptions}
            value={user.role}
            allowDeselect={false}
            onChange={(value) => value !== null && value !== user.role && setPending({ kind: 'role', user, role: value as Role })}
          />
        ) : (
          <Text fz="sm">{ROLE_LABELS[user.role]}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={user.isActive ? 'green' : 'gray'}>
          {user.isActive ? 'Active' : 'Deactivated'}
        </Badge>
      </Table.Td>
      <Table.Td visibleFrom="md">
        <Text fz="sm" c="dimmed">
          {formatDateTime(user.lastLoginAt, 'Never')}
        </Text>
      </Table.Td>
      {canManage && (
        <Table.Td ta="right">
          {isEditable(user) &&
            (user.isActive ? (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <ResetPasswordAction user={user} />
                <Button size="xs" variant="subtle" color="red" onClick={() => setPending({ kind: 'deactivate', user })} aria-label={`Deactivate ${user.name}`}>
                  Deactivate
                </Button>
              </Group>
            ) : (
              <Button
                size="xs"
                variant="subtle"
                loading={mutation.isPending && mutation.variables?.params?.userId === user.id}
                onClick={() => apply(user, { isActive: true }, `${user.name} can log in again.`)}
                aria-label={`Reactivate ${user.name}`}
              >
                Reactivate
              </Button>
            ))}
        </Table.Td>
      )}
    </Table.Tr>
  ));

  return (
    <>
      <Paper withBorder radius="lg" bg="white">
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>User</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th visibleFrom="md">Last log-in</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{rows}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <TablePagination
        page={page}
        pageSize={pageSize}
        total={users.length}
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
        itemLabel="users"
      />

      <ConfirmDialog
        isOpen={pending?.kind === 'role'}
        title="Change role"
        confirmLabel="Change role"
        isPending={mutation.isPending}
        error={mutation.error}
        onCancel={cancel}
        onConfirm={() => pending?.kind === 'role' && apply(pending.user, { role: pending.role }, `${pending.user.name} is now ${ROLE_LABELS[pending.role]}.`)}
      >
        {pending?.kind === 'role' && (
          <>
            Change <b>{pending.user.name}</b> from {ROLE_LABELS[pending.user.role]} to <b>{ROLE_LABELS[pending.role]}</b>? Their permissions change at once.
          </>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={pending?.kind === 'deactivate'}
        title="Deactivate user"
        confirmLabel="Deactivate"
        isDestructive
        isPending={mutation.isPending}
        error={mutation.error}
        onCancel={cancel}
        onConfirm={() => pending?.kind === 'deactivate' && apply(pending.user, { isActive: false }, `${pending.user.name} can no longer log in.`)}
      >
        {pending?.kind === 'deactivate' && (
          <>
            Deactivate <b>{pending.user.name}</b> ({pending.user.email})? They can no longer log in or use the app. Their segments and syncs
            stay. You can reactivate them later.
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
