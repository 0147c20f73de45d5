import type { RouteDefinition } from '../../defineRoute';
import completeChannelOAuth from './completeChannelOAuth';
import connectSandboxChannel from './connectSandboxChannel';
import createSync from './createSync';
import dryRunSync from './dryRunSync';
import getAdvertisingOverview from './getAdvertisingOverview';
import getSync from './getSync';
import getSyncSettings from './getSyncSettings';
import listAdAccounts from './listAdAccounts';
import listSyncs from './listSyncs';
import startChannelConnection from './startChannelConnection';
import toggleSync from './toggleSync';
import updateSyncSettings from './updateSyncSettings';

/** Advertising: channel logins and segment syncs; listed in ../index.ts as one entry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const advertisingRoutes: ReadonlyArray<RouteDefinition<any>> = [
  getAdvertisingOverview,
  connectSandboxChannel,
  startChannelConnection,
  completeChannelOAuth,
  listAdAccounts,
  dryRunSync,
  listSyncs,
  createSync,
  getSync,
  toggleSync,
  getSyncSettings,
  updateSyncSettings,
];
