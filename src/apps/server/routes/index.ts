import type { RouteDefinition } from '../defineRoute';
import getHealth from './health/getHealth';
import logIn from './auth/logIn';
import getSession from './auth/getSession';
import logOut from './auth/logOut';
import changePassword from './auth/changePassword';
import listUsers from './users/listUsers';
import addUser from './users/addUser';
import updateUser from './users/updateUser';
import resetUserPassword from './users/resetUserPassword';
import listApiKeys from './apiKeys/listApiKeys';
import createApiKey from './apiKeys/createApiKey';
import revokeApiKey from './apiKeys/revokeApiKey';
import listCrmConnections from './integrations/listCrmConnections';
import startCrmConnection from './integrations/startCrmConnection';
import completeCrmOAuth from './integrations/completeCrmOAuth';
import disconnectCrm from './integrations/disconnectCrm';
import setCrmApiAllowance from './integrations/setCrmApiAllowance';
import startCrmSync from './integrations/startCrmSync';
import listCrmSources from './integrations/listCrmSources';
import previewCrmSource from './integrations/previewCrmSource';
import listMapConnections from './mapIntegrations/listMapConnections';
import startMapConnection from './mapIntegrations/startMapConnection';
import completeMapOAuth from './mapIntegrations/completeMapOAuth';
import disconnectMap from './mapIntegrations/disconnectMap';
import setMapApiAllowance from './mapIntegrations/setMapApiAllowance';
import listSegments from './segments/listSegments';
import createSegment from './segments/createSegment';
import getSegment from './segments/getSegment';
import updateSegment from './segments/updateSegment';
import deleteSegment from './segments/deleteSegment';
import duplicateSegment from './segments/duplicateSegment';
import refreshSegmentNow from './segments/refreshSegmentNow';
import getSegmentConfirmation from './segments/getSegmentConfirmation';
import exportUnmatchedRows from './segments/exportUnmatchedRows';
import fixUnmatchedRow from './segments/fixUnmatchedRow';
import undoRowFix from './segments/undoRowFix';
import listSegmentCrmSources from './segments/listSegmentCrmSources';
import listSegmentMembers from './segments/listSegmentMembers';
import exportSegmentMembers from './segments/exportSegmentMembers';
import listSegmentRefreshes from './segments/listSegmentRefreshes';
import listRefreshChanges from './segments/listRefreshChanges';
import previewFilterCount from './segments/previewFilterCount';
import listFilterFields from './segments/listFilterFields';
import listSegmentFolders from './segments/listSegmentFolders';
import createSegmentFolder from './segments/createSegmentFolder';
import deleteSegmentFolder from './segments/deleteSegmentFolder';
import uploadAccountList from './segments/uploadAccountList';
import setUploadMapping from './segments/setUploadMapping';
import getAccountDetails from './accounts/getAccountDetails';
import searchAccounts from './accounts/searchAccounts';
import getHomeSummary from './home/getHomeSummary';
import getSegmentInsights from './segments/getSegmentInsights';
import listUnmatchedRows from './segments/listUnmatchedRows';
import bulkAcceptMatches from './segments/bulkAcceptMatches';
import { companyRoutes } from './companies/index';
import { conversationalEmailRoutes } from './conversationalEmail/index';
import { notificationRoutes } from './notifications/index';
import { webTagRoutes } from './webTag/index';
import { publishingRoutes } from './publishing/index';
import { advertisingRoutes } from './advertising/index';

/**
 * Every HTTP route. Each file exports one defineRoute(); add yours here. A route without a permission fails
 * routes.test.ts.
 */
// The list mixes contracts of different shapes; each entry was type-checked by its own defineRoute().
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const routes: ReadonlyArray<RouteDefinition<any>> = [
  getHealth,
  logIn,
  getSession,
  logOut,
  changePassword,
  listUsers,
  addUser,
  updateUser,
  resetUserPassword,
  listApiKeys,
  createApiKey,
  revokeApiKey,
  listCrmConnections,
  startCrmConnection,
  completeCrmOAuth,
  disconnectCrm,
  setCrmApiAllowance,
  startCrmSync,
  listCrmSources,
  previewCrmSource,
  listMapConnections,
  startMapConnection,
  completeMapOAuth,
  disconnectMap,
  setMapApiAllowance,
  listSegments,
  createSegment,
  getSegment,
  updateSegment,
  deleteSegment,
  duplicateSegment,
  refreshSegmentNow,
  getSegmentConfirmation,
  exportUnmatchedRows,
  fixUnmatchedRow,
  undoRowFix,
  listSegmentCrmSources,
  listSegmentMembers,
  exportSegmentMembers,
  listSegmentRefreshes,
  listRefreshChanges,
  previewFilterCount,
  listFilterFields,
  listSegmentFolders,
  createSegmentFolder,
  deleteSegmentFolder,
  uploadAccountList,
  setUploadMapping,
  getAccountDetails,
  searchAccounts,
  getHomeSummary,
  getSegmentInsights,
  listUnmatchedRows,
  bulkAcceptMatches,
  ...companyRoutes,
  ...conversationalEmailRoutes,
  ...notificationRoutes,
  ...webTagRoutes,
  ...publishingRoutes,
  ...advertisingRoutes,
];
