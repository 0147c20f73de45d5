import type { ReactElement } from 'react';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { SegmentSyncsPage } from './pages/advertising/SegmentSyncsPage';
import { CreateSegmentPage } from './pages/segments/CreateSegmentPage';
import { SegmentsPage } from './pages/segments/SegmentsPage';
import { IntegrationsPage } from './pages/settings/IntegrationsPage';
import { NotificationsPage } from './pages/settings/NotificationsPage';
import { PublishedSegmentsPage } from './pages/settings/PublishedSegmentsPage';
import { UsersPage } from './pages/settings/users/UsersPage';

export const HOME_PATH = '/segments';

/** Every page of the logged-in app, rendered inside the app shell. Add a line here for each new page. */
export const appRoutes: readonly { readonly path: string; readonly element: ReactElement }[] = [
  { path: '/segments', element: <SegmentsPage /> },
  { path: '/segments/new', element: <CreateSegmentPage /> },
  { path: '/accounts', element: <AccountsPage /> },
  { path: '/advertising/segment-syncs', element: <SegmentSyncsPage /> },
  { path: '/settings/integrations', element: <IntegrationsPage /> },
  { path: '/settings/published-segments', element: <PublishedSegmentsPage /> },
  { path: '/settings/notifications', element: <NotificationsPage /> },
  { path: '/settings/users', element: <UsersPage /> },
];
