import { useState } from 'react';
import { Outlet } from 'react-router-dom';
import { AppShell, Badge, Burger, Group, Text, Tooltip, em } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { useSession } from '../auth/session';
import { MainNavigation } from './MainNavigation';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const session = useSession();
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  // Below the 'sm' breakpoint the navbar slides off-screen; inert keeps keyboard focus out of it while it is hidden.
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`) ?? false;
  // "Later" postpones the one-time-password prompt for this browser session, not just this page load.
  const postponeKey = `openabm.passwordPromptPostponed.${session.user.id}`;
  const [isPasswordModalOpen, setPasswordModalOpen] = useState(
    session.user.mustChangePassword && window.sessionStorage.getItem(postponeKey) !== '1',
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={isNavOpen} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={isNavOpen ? 'Close navigation' : 'Open navigation'} />
            <Text fw={800} fz="xl" c="indigo.7" style={{ letterSpacing: '-0.02em' }}>
              openabm
            </Text>
            <Text c="dimmed" fz="sm" visibleFrom="xs" truncate maw={220}>
              {session.user.orgName}
            </Text>
            {session.isSandbox && (
              <Tooltip label="Integrations talk to built-in provider emulators, not to real Salesforce, LinkedIn, Google or Meta accounts." multiline w={280}>
                <Badge color="orange" variant="light" data-testid="sandbox-badge" style={{ flexShrink: 0 }}>
                  Sandbox mode
                </Badge>
              </Tooltip>
            )}
          </Group>
          <UserMenu onChangePassword={() => setPasswordModalOpen(true)} />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" inert={isPhone && !isNavOpen}>
        <MainNavigation onNavigate={closeNav} />
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>

      <ChangePasswordModal
        isOpen={isPasswordModalOpen}
        isOneTimePassword={session.user.mustChangePassword}
        onClose={() => {
          if (session.user.mustChangePassword) window.sessionStorage.setItem(postponeKey, '1');
          setPasswordModalOpen(false);
        }}
      />
    </AppShell>
  );
}
