import { useState } from 'react';
import { Badge, Button, Group, Select, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS } from '../../../../../src/contracts/permissions';
import type { Role } from '../../../../../src/contracts/permissions';
import { listUsers, updateUser } from '../../../../../src/contracts/users';
import type { UserSummary } from '../../../../../src/contracts/users';
import { useApiMutation } from '../../../api/hooks';
import { useCan, useSession } from '../../../auth/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DateTimeCell, PagedTable, type PagedTableColumn } from '../../../components/PagedTable';
import { pageSlice } from '../../../components/TablePagination';
import { usePageState } from '../../../components/usePageState';
import { ResetPasswordAction } from './ResetPasswordAction';
import { assignableRoleOptions } from './roleOptions';

type PendingChange = { kind: 'role'; user: UserSummary; role: Role } | { kind: 'deactivate'; user: UserSummary } | null;

export function UsersTable({ users }: { users: readonly UserSummary[] }) {
  const { user: actor } = useSession();
  const canManage = useCan('users.manage');
  const mutation = useApiMutation(updateUser, { invalidates: [listUsers] });
  const [pending, setPending] = useState<PendingChange>(null);
  const pageState = usePageState(25, 'users');
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

  const columns: ReadonlyArray<PagedTableColumn<UserSummary> | false> = [
    {
      key: 'user',
      header: 'User',
      cell: (user) => (
        <>
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
        </>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      cellProps: { miw: 200 },
      cell: (user) =>
        isEditable(user) && user.isActive ? (
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
        ),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (user) => (
        <Badge variant="light" color={user.isActive ? 'green' : 'gray'}>
          {user.isActive ? 'Active' : 'Deactivated'}
        </Badge>
      ),
    },
    {
      key: 'lastLogin',
      header: 'Last log-in',
      visibleFrom: 'md',
      cell: (user) => <DateTimeCell value={user.lastLoginAt} fallback="Never" />,
    },
    canManage && {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      cellProps: { ta: 'right' },
      cell: (user) =>
        isEditable(user) &&
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
        )),
    },
  ];

  return (
    <>
      <PagedTable
        label="Users"
        columns={columns}
        rows={pageSlice(users, pageState.page, pageState.pageSize)}
        rowKey={(user) => user.id}
        rowTestId={(user) => `user-row-${user.email}`}
        pagination={{ state: pageState, total: users.length, itemLabel: 'users' }}
        minWidth={560}
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
