import { Avatar, Box, Group, Menu, Text, UnstyledButton, VisuallyHidden, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconCheck, IconChevronDown, IconDeviceDesktop, IconKey, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { ROLE_LABELS } from '../../../src/contracts/permissions';
import { useLogout, useSession } from '../auth/session';

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts.at(-1)?.[0] ?? ''}` : name.slice(0, 2)).toUpperCase();
}

/** Light, dark, or whatever the system says; Mantine keeps the choice in localStorage. */
const COLOR_SCHEMES: ReadonlyArray<{ value: MantineColorScheme; label: string; icon: typeof IconSun }> = [
  { value: 'auto', label: 'Match system', icon: IconDeviceDesktop },
  { value: 'light', label: 'Light', icon: IconSun },
  { value: 'dark', label: 'Dark', icon: IconMoon },
];

export function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { user } = useSession();
  const logout = useLogout();
  const roleLabel = ROLE_LABELS[user.role];
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  return (
    <Menu position="bottom-end" width={280} withinPortal>
      <Menu.Target>
        {/* Named by its visible text (axe-core label-content-name-mismatch): "User menu:" then the user's name and role. */}
        <UnstyledButton data-testid="user-menu" style={{ borderRadius: 8, padding: '4px 8px' }}>
          <VisuallyHidden>User menu: </VisuallyHidden>
          <Group gap="sm" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34} aria-hidden>
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
        <Menu.Label>Appearance</Menu.Label>
        {COLOR_SCHEMES.map(({ value, label, icon: Icon }) => (
          <Menu.Item
            key={value}
            leftSection={<Icon size={16} />}
            rightSection={colorScheme === value ? <IconCheck size={14} aria-hidden /> : null}
            onClick={() => setColorScheme(value)}
          >
            {label}
            {colorScheme === value && <VisuallyHidden>, selected</VisuallyHidden>}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
