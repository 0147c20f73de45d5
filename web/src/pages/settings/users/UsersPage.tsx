import { useState } from 'react';
import { Button, Skeleton, Stack } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { listUsers } from '../../../../../src/contracts/users';
import { useApiQuery } from '../../../api/hooks';
import { useCan } from '../../../auth/session';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { AddUserModal } from './AddUserModal';
import { ApiKeysSection } from './ApiKeysSection';
import { UsersTable } from './UsersTable';

export function UsersPage() {
  const canManageUsers = useCan('users.manage');
  const canManageApiKeys = useCan('apiKeys.manage');
  const usersQuery = useApiQuery(listUsers, undefined);
  const [isAddOpen, setAddOpen] = useState(false);

  return (
    <Stack gap="xl">
      <div>
        <PageHeader
          title="Users"
          description="People of your organization and their roles. Administrators add users, change roles and deactivate users."
          actions={
            canManageUsers && (
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAddOpen(true)}>
                Add user
              </Button>
            )
          }
        />
        {usersQuery.isPending ? (
          <Skeleton height={220} radius="lg" />
        ) : usersQuery.isError ? (
          <QueryError error={usersQuery.error} onRetry={() => void usersQuery.refetch()} />
        ) : (
          <UsersTable users={usersQuery.data.items} />
        )}
      </div>
      {canManageApiKeys && <ApiKeysSection />}
      <AddUserModal isOpen={isAddOpen} onClose={() => setAddOpen(false)} />
    </Stack>
  );
}
