import type { ComponentType } from 'react';
import { IconAdjustments, IconHome, IconBell, IconCode, IconMail, IconShieldLock, IconBuilding, IconBroadcast, IconChartPie, IconLayoutDashboard, IconPlugConnected, IconSpeakerphone, IconStack2, IconUsers } from '@tabler/icons-react';
import { IconChecklist, IconInbox, IconMessages, IconMailForward, IconSettings } from '@tabler/icons-react';
import { IconApi } from '@tabler/icons-react';
import type { Action } from '../../../src/contracts/permissions';

export interface NavItem {
  readonly label: string;
  readonly icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** A page, or a group of pages under `children`. */
  readonly to?: string;
  readonly children?: readonly NavItem[];
  /** Shown only to users whose role grants this action (the route answers 403 to the others anyway). */
  readonly requires?: Action;
}

/** The main navigation, in the specification's words (Advertising > Segment Syncs, Settings > Published Segments…). */
export const NAVIGATION: readonly NavItem[] = [
  { label: 'Home', icon: IconHome, to: '/home' },
  { label: 'Segments', icon: IconChartPie, to: '/segments' },
  { label: 'Accounts', icon: IconBuilding, to: '/accounts' },
  {
    label: 'Conversational Email',
    icon: IconMessages,
    children: [
      { label: 'Campaigns', icon: IconMailForward, to: '/conversational-email' },
      { label: 'Human review', icon: IconChecklist, to: '/conversational-email/reviews' },
      { label: 'Lead mailbox (sandbox)', icon: IconInbox, to: '/conversational-email/sandbox-mailbox', requires: 'ce.manage' },
      { label: 'Email settings', icon: IconSettings, to: '/conversational-email/settings' },
    ],
  },
  {
    label: 'Advertising',
    icon: IconSpeakerphone,
    children: [
      { label: 'Overview', icon: IconLayoutDashboard, to: '/advertising' },
      { label: 'Segment Syncs', icon: IconBroadcast, to: '/advertising/segment-syncs' },
    ],
  },
  {
    label: 'Settings',
    icon: IconAdjustments,
    children: [
      { label: 'Integrations', icon: IconPlugConnected, to: '/settings/integrations' },
      { label: 'Advertising', icon: IconSpeakerphone, to: '/settings/advertising' },
      { label: 'Published Segments', icon: IconStack2, to: '/settings/published-segments' },
      { label: 'Orchestrations', icon: IconStack2, to: '/settings/orchestrations' },
      { label: 'API', icon: IconApi, to: '/settings/api' },
      { label: 'Notifications', icon: IconBell, to: '/settings/notifications' },
      { label: 'Web tag', icon: IconCode, to: '/settings/web-tag' },
      { label: 'Privacy', icon: IconShieldLock, to: '/settings/privacy', requires: 'notifications.manage' },
      { label: 'Sandbox mailbox', icon: IconMail, to: '/settings/sandbox-mailbox', requires: 'notifications.manage' },
      { label: 'Users', icon: IconUsers, to: '/settings/users' },
      { label: 'Companies', icon: IconBuilding, to: '/settings/companies' },
    ],
  },
];
