import { CampaignPage } from './pages/conversationalEmail/CampaignPage';
import { CampaignsPage } from './pages/conversationalEmail/CampaignsPage';
import { CeSettingsPage } from './pages/conversationalEmail/CeSettingsPage';
import { ReviewTasksPage as CeReviewTasksPage } from './pages/conversationalEmail/ReviewTasksPage';
import { SandboxMailboxPage as CeSandboxMailboxPage } from './pages/conversationalEmail/SandboxMailboxPage';
import type { ReactElement } from 'react';
import { AccountDetailsPage } from './pages/accounts/AccountDetailsPage';
import { HomePage } from './pages/home/HomePage';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { SegmentSyncsPage } from './pages/advertising/SegmentSyncsPage';
import { AdvertisingOverviewPage } from './pages/advertising/AdvertisingOverviewPage';
import { CreateSyncPage } from './pages/advertising/CreateSyncPage';
import { SyncDetailPage } from './pages/advertising/SyncDetailPage';
import { AdvertisingSettingsPage } from './pages/advertising/AdvertisingSettingsPage';
import { CrmSourcesPage } from './pages/integrations/CrmSourcesPage';
import { IntegrationsPage } from './pages/integrations/IntegrationsPage';
import { CreateSegmentPage } from './pages/segments/CreateSegmentPage';
import { SegmentConfirmationPage } from './pages/segments/SegmentConfirmationPage';
import { SegmentDetailPage } from './pages/segments/SegmentDetailPage';
import { SegmentsPage } from './pages/segments/SegmentsPage';
import { SegmentCreationHelpPage } from './pages/segments/SegmentCreationHelpPage';
import { NotificationsPage } from './pages/settings/NotificationsPage';
import { PrivacyPage } from './pages/settings/PrivacyPage';
import { SandboxMailboxPage } from './pages/settings/SandboxMailboxPage';
import { WebTagPage } from './pages/settings/webTag/WebTagPage';
import { PublishedSegmentsPage } from './pages/settings/PublishedSegmentsPage';
import { OrchestrationsPage } from './pages/settings/OrchestrationsPage';
import { ApiSettingsPage } from './pages/settings/ApiSettingsPage';
import { UsersPage } from './pages/settings/users/UsersPage';
import { CompaniesPage } from './pages/settings/companies/CompaniesPage';

export const HOME_PATH = '/home';

/** Every page of the logged-in app, rendered inside the app shell. Add a line here for each new page. */
export const appRoutes: readonly { readonly path: string; readonly element: ReactElement }[] = [
  { path: '/home', element: <HomePage /> },
  { path: '/segments', element: <SegmentsPage /> },
  { path: '/segments/new', element: <CreateSegmentPage /> },
  { path: '/segments/help', element: <SegmentCreationHelpPage /> },
  { path: '/segments/:segmentId', element: <SegmentDetailPage /> },
  { path: '/segments/:segmentId/confirmation', element: <SegmentConfirmationPage /> },
  { path: '/conversational-email', element: <CampaignsPage /> },
  { path: '/conversational-email/campaigns/:campaignId', element: <CampaignPage /> },
  { path: '/conversational-email/settings', element: <CeSettingsPage /> },
  { path: '/conversational-email/sandbox-mailbox', element: <CeSandboxMailboxPage /> },
  { path: '/conversational-email/reviews', element: <CeReviewTasksPage /> },
  { path: '/accounts', element: <AccountsPage /> },
  { path: '/accounts/:companyId', element: <AccountDetailsPage /> },
  { path: '/advertising', element: <AdvertisingOverviewPage /> },
  { path: '/advertising/segment-syncs', element: <SegmentSyncsPage /> },
  { path: '/advertising/segment-syncs/new', element: <CreateSyncPage /> },
  { path: '/advertising/segment-syncs/:syncId', element: <SyncDetailPage /> },
  { path: '/settings/integrations', element: <IntegrationsPage /> },
  { path: '/settings/integrations/:provider/sources', element: <CrmSourcesPage /> },
  { path: '/settings/advertising', element: <AdvertisingSettingsPage /> },
  { path: '/settings/published-segments', element: <PublishedSegmentsPage /> },
  { path: '/settings/orchestrations', element: <OrchestrationsPage /> },
  { path: '/settings/api', element: <ApiSettingsPage /> },
  { path: '/settings/notifications', element: <NotificationsPage /> },
  { path: '/settings/web-tag', element: <WebTagPage /> },
  { path: '/settings/privacy', element: <PrivacyPage /> },
  { path: '/settings/sandbox-mailbox', element: <SandboxMailboxPage /> },
  { path: '/settings/users', element: <UsersPage /> },
  { path: '/settings/companies', element: <CompaniesPage /> },
];
