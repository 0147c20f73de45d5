import { Link, useLocation } from 'react-router-dom';
import { NavLink, ScrollArea } from '@mantine/core';
import { useSession } from '../auth/session';
import { NAVIGATION } from './navigation';
import type { NavItem } from './navigation';

function isActive(item: NavItem, pathname: string): boolean {
  if (item.to !== undefined) return pathname === item.to || pathname.startsWith(`${item.to}/`);
  return (item.children ?? []).some((child) => isActive(child, pathname));
}

export function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  const { permissions } = useSession();
  const isShown = (item: NavItem) => item.requires === undefined || permissions.includes(item.requires);

  const renderItem = (item: NavItem) => {
    const Icon = item.icon;
    const icon = <Icon size={18} stroke={1.6} />;
    if (item.to !== undefined) {
      return (
        <NavLink
          key={item.label}
          component={Link}
          to={item.to}
          label={item.label}
          leftSection={icon}
          active={isActive(item, pathname)}
          aria-current={isActive(item, pathname) ? 'page' : undefined}
          onClick={onNavigate}
          variant="light"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        />
      );
    }
    return (
      // A group opens and closes: a button (aria-expanded is not allowed on a link without href).
      <NavLink key={item.label} component="button" label={item.label} leftSection={icon} defaultOpened childrenOffset={20} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
        {(item.children ?? []).filter(isShown).map(renderItem)}
      </NavLink>
    );
  };

  return (
    <ScrollArea component="nav" aria-label="Main" type="scroll">
      {NAVIGATION.filter(isShown).map(renderItem)}
    </ScrollArea>
  );
}
