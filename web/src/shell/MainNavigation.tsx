import { Link, useLocation } from 'react-router-dom';
import { NavLink, ScrollArea } from '@mantine/core';
import { useSession } from '../auth/session';
import { NAVIGATION } from './navigation';
import type { NavItem } from './navigation';

const pagesOf = (items: readonly NavItem[]): string[] => items.flatMap((item) => (item.to !== undefined ? [item.to] : pagesOf(item.children ?? [])));
const NAV_PAGES = pagesOf(NAVIGATION);

/**
 * The one navigation page a path belongs to: the longest that is the path or a folder of it. Any such prefix made
 * Advertising > Overview (/advertising) light up beside Segment Syncs (/advertising/segment-syncs/…), and Campaigns
 * beside Human review.
 */
function currentPage(pathname: string): string | undefined {
  const matching = NAV_PAGES.filter((to) => pathname === to || pathname.startsWith(`${to}/`));
  return matching.sort((a, b) => b.length - a.length)[0];
}

export function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  const current = currentPage(pathname);
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
          active={item.to === current}
          aria-current={item.to === current ? 'page' : undefined}
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
