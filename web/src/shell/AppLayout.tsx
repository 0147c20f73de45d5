import { useState } from 'react';
import { Outlet } from 'react-router-dom';
import { AppShell, Badge, Burger, Group, Text, Tooltip, em } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { useSession } from '../auth/session';
import { MainNavigation } from './MainNavigation';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';
import './colorScheme.css';

const MAIN_ID = 'main-content';

/** Keyboard users jump past the header and navigation; focus moves to the page itself (no URL fragment). */
function SkipToContent() {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      Skip to content
    </a>
  );
}

export function AppLayout() {
  const session = useSession();
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  // Below the 'sm' breakpoint the navbar slides off-screen; inert keeps keyboard focus out of it while it is hidden.
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`) ?? false;
  // A one-time password only lets the user choose a password (the API refuses everything else until then), so the
  // prompt cannot be dismissed and no page is shown behind it.
  const mustChangePassword = session.user.mustChangePassword;
  const [isPasswordModalOpen, setPasswordModalOpen] = useState(false);

  return (
    <>
      <SkipToContent />
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
                <Tooltip label="Integrations talk to built-in provider emulators, not to real Salesforce, LinkedIn, Google or Meta accounts. The company database holds 50,000 synthetic (generated) companies, not real ones." multiline w={280}>
                  <Badge color="orange" variant="light" data-testid="sandbox-badge" style={{ flexShrink: 0 }}>
                    Sandbox mode
                  </Badge>
                </Tooltip>
              )}
            </Group>
            <Group gap="xs" wrap="nowrap">
              {mustChangePassword ? null : <NotificationBell />}
              <UserMenu onChangePassword={() => setPasswordModalOpen(true)} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" inert={isPhone && !isNavOpen}>
          <MainNavigation onNavigate={closeNav} />
        </AppShell.Navbar>

        <AppShell.Main bg="gray.0" id={MAIN_ID} tabIndex={-1} style={{ outline: 'none' }}>
          {mustChangePassword ? null : <Outlet />}
        </AppShell.Main>

        <ChangePasswordModal isOpen={mustChangePassword || isPasswordModalOpen} isOneTimePassword={mustChangePassword} onClose={() => setPasswordModalOpen(false)} />
      </AppShell>
    </>
  );
}
