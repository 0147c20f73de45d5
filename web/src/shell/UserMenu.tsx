import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { ROLE_LABELS } from '../../../src/contracts/permissions';
import { useLogout, useSession } from '../auth/session';

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts.at(-1)?.[0] ?? ''}` : name.slice(0, 2)).toUpperCase();
}

export function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { user } = useSession();
  const logout = useLogout();
  const roleLabel = ROLE_LABELS[user.role];

  return (
    <Menu position="bottom-end" width={280} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`User menu: ${user.name}, ${roleLabel}`} data-testid="user-menu" style={{ borderRadius: 8, padding: '4px 8px' }}>
          <Group gap="sm" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34}>
              {initialsOf(user.name)}
            </Avatar>
            <Box visibleFrom="xs" style={{ lineHeight: 1.15 }}>
              <Text fz="sm" fw={600} truncate maw={240}>
                {user.name}
              </Text>
              <Text fz="xs" c="dimmed" data-testid="user-role">
                {roleLabel}
              </Text>
            </Box>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.email}</Menu.Label>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={onChangePassword}>
          Change password
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
