import type { ReactElement } from 'react';
import { AccountDetailsPage } from './pages/accounts/AccountDetailsPage';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { SegmentSyncsPage } from './pages/advertising/SegmentSyncsPage';
import { CrmSourcesPage } from './pages/integrations/CrmSourcesPage';
import { IntegrationsPage } from './pages/integrations/IntegrationsPage';
import { CreateSegmentPage } from './pages/segments/CreateSegmentPage';
import { SegmentConfirmationPage } from './pages/segments/SegmentConfirmationPage';
import { SegmentDetailPage } from './pages/segments/SegmentDetailPage';
import { SegmentsPage } from './pages/segments/SegmentsPage';
import { NotificationsPage } from './pages/settings/NotificationsPage';
import { PublishedSegmentsPage } from './pages/settings/PublishedSegmentsPage';
import { UsersPage } from './pages/settings/users/UsersPage';

export const HOME_PATH = '/segments';

/** Every page of the logged-in app, rendered inside the app shell. Add a line here for each new page. */
export const appRoutes: readonly { readonly path: string; readonly element: ReactElement }[] = [
  { path: '/segments', element: <SegmentsPage /> },
  { path: '/segments/new', element: <CreateSegmentPage /> },
  { path: '/segments/:segmentId', element: <SegmentDetailPage /> },
  { path: '/segments/:segmentId/confirmation', element: <SegmentConfirmationPage /> },
  { path: '/accounts', element: <AccountsPage /> },
  { path: '/accounts/:companyId', element: <AccountDetailsPage /> },
  { path: '/advertising/segment-syncs', element: <SegmentSyncsPage /> },
  { path: '/settings/integrations', element: <IntegrationsPage /> },
  { path: '/settings/integrations/:provider/sources', element: <CrmSourcesPage /> },
  { path: '/settings/published-segments', element: <PublishedSegmentsPage /> },
  { path: '/settings/notifications', element: <NotificationsPage /> },
  { path: '/settings/users', element: <UsersPage /> },
];
