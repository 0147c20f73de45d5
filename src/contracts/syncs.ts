import { z } from 'zod';
import { defineContract, pageOf, pageQueryOf } from './http';

/** The contracted-limit rule, shared with the web settings screen so it previews the sentence the server returns. */
export { describeSyncLimitRule, syncLimitWarningFrom } from '../domain/sync/syncLimit';
export { adSyncRunStatusLabel, adSyncRunTriggerLabel, channelAudienceStatusLabel } from '../domain/sync/runLabels';

/**
 * Advertising: per-user channel logins (Google, LinkedIn, Meta), segment syncs to ad accounts, dry runs and the
 * sync dashboard. Reading needs `view`; connecting one's own login `channels.connect`; creating `sync.create`;
 * toggling `sync.pause` (own syncs for marketing users, any for admins).
 */
export const adChannelSchema = z.enum(['google', 'linkedin', 'meta']);
export type AdChannel = z.infer<typeof adChannelSchema>;
export const syncStatusSchema = z.enum(['syncing', 'synced', 'inactive', 'failed']);
export type SyncStatusValue = z.infer<typeof syncStatusSchema>;

const channelParams = z.object({ channel: adChannelSchema });
const syncParams = z.object({ syncId: z.string().uuid() });

export const syncSummary = z.object({
  id: z.string().uuid(),
  segmentId: z.string().uuid(),
  segmentName: z.string(),
  channel: adChannelSchema,
  adAccountId: z.string(),
  adAccountName: z.string(),
  status: syncStatusSchema,
  statusChangedAt: z.string(),
  /** The channel's own audience state (LinkedIn BUILDING/READY/…, Meta operation_status, Google membership status). */
  channelStatus: z.string().nullable(),
  audienceId: z.string().nullable(),
  audienceName: z.string(),
  /** Members the channel acknowledged. */
  sentCount: z.number().int(),
  /** Matched members, where the channel reports it. */
  matchedCount: z.number().int().nullable(),
  createdById: z.string().uuid().nullable(),
  createdByName: z.string().nullable(),
  runsOnUserName: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  segmentLastRefreshedAt: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  canToggleOff: z.boolean(),
  canToggleOn: z.boolean(),
  createdAt: z.string(),
});
export type SyncSummary = z.infer<typeof syncSummary>;

export const channelOverview = z.object({
  channel: adChannelSchema,
  displayName: z.string(),
  status: z.enum(['not_connected', 'connected', 'reauth_required']),
  statusReason: z.string().nullable(),
  connectedAt: z.string().nullable(),
  reauthDueAt: z.string().nullable(),
  isSandboxAvailable: z.boolean(),
  activeSyncCount: z.number().int(),
  failedSyncCount: z.number().int(),
});

export const getAdvertisingOverview = defineContract({
  method: 'GET',
  path: '/api/advertising/overview',
  summary: "The current user's channel logins and the organisation's active syncs",
  tags: ['advertising'],
  response: z.object({
    channels: z.array(channelOverview),
    activeSyncs: z.array(syncSummary),
    usage: z.object({ usedCount: z.number().int(), limit: z.number().int().nullable() }),
  }),
});

export const connectSandboxChannel = defineContract({
  method: 'POST',
  path: '/api/advertising/channels/:channel/sandbox-connect',
  summary: "Sandbox mode: connect the emulator's demo login for the current user in one click",
  tags: ['advertising'],
  params: channelParams,
  response: z.object({ channel: adChannelSchema, status: z.string(), connectedAt: z.string() }),
});

export const startChannelConnection = defineContract({
  method: 'POST',
  path: '/api/advertising/channels/:channel/connect',
  summary: "Start the channel's OAuth sign-in for the current user; the browser goes to authorizationUrl",
  tags: ['advertising'],
  params: channelParams,
  body: z.object({
    clientId: z.string().min(1).max(500),
    clientSecret: z.string().min(1).max(500),
    /** Google Ads: the developer token of your Google Ads API access (the emulator's by default in sandbox mode). */
    developerToken: z.string().min(1).max(500).optional(),
    isEmulator: z.boolean().default(false),
  }),
  response: z.object({ authorizationUrl: z.string() }),
});

export const completeChannelOAuth = defineContract({
  method: 'GET',
  path: '/api/advertising/oauth/callback',
  summary: 'OAuth callback: exchanges the code, stores the tokens sealed, redirects to Advertising > Overview',
  tags: ['advertising'],
  query: z.object({ state: z.string().min(1).max(500), code: z.string().min(1).max(4000).optional(), error: z.string().max(200).optional(), error_description: z.string().max(2000).optional() }),
  response: z.object({ redirectTo: z.string() }),
});

export const listAdAccounts = defineContract({
  method: 'GET',
  path: '/api/advertising/channels/:channel/ad-accounts',
  summary: "Ad accounts the current user's own login can manage audiences in",
  tags: ['advertising'],
  params: channelParams,
  response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string().nullable() })) }),
});

export const dryRunSync = defineContract({
  method: 'POST',
  path: '/api/advertising/dry-run',
  summary: 'What a sync would send: accounts or people, expected match rate (a range with its basis), warnings',
  tags: ['advertising'],
  body: z.object({ segmentId: z.string().uuid(), channel: adChannelSchema }),
  response: z.object({
    segmentId: z.string().uuid(),
    channel: adChannelSchema,
    memberKind: z.enum(['company', 'person']),
    accountCount: z.number().int(),
    peopleCount: z.number().int().nullable(),
    identifiableCount: z.number().int(),
    expectedMatchRate: z.object({ lowPercent: z.number(), highPercent: z.number(), basis: z.string() }),
    expectedMatched: z.object({ low: z.number().int(), high: z.number().int() }),
    minimumAudienceSize: z.number().int(),
    warnings: z.array(z.string()),
    limit: z.object({ kind: z.enum(['ok', 'warning', 'refused']), usedCount: z.number().int(), limit: z.number().int().nullable(), message: z.string().nullable() }),
  }),
});

export const listSyncs = defineContract({
  method: 'GET',
  path: '/api/syncs',
  summary: 'Every sync of the organisation at ad-account level, filtered by status, channel, creator or segment',
  tags: ['advertising'],
  query: z.object({
    status: syncStatusSchema.optional(),
    channel: adChannelSchema.optional(),
    createdBy: z.string().uuid().optional(),
    segmentId: z.string().uuid().optional(),
    ...pageQueryOf({ defaultPageSize: 25, maxPageSize: 100 }).shape,
  }),
  response: pageOf(syncSummary),
});

export const createSync = defineContract({
  method: 'POST',
  path: '/api/syncs',
  summary: 'Create a sync (segment, channel, ad account) on your own channel login; refused at the contracted limit',
  tags: ['advertising'],
  body: z.object({ segmentId: z.string().uuid(), channel: adChannelSchema, adAccountId: z.string().min(1).max(100) }),
  response: z.object({ sync: z.object({ id: z.string().uuid(), status: syncStatusSchema }), limitWarning: z.string().nullable() }),
  successStatus: 201,
});

const syncAlert = z.object({
  id: z.string().uuid(),
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  whatHappened: z.string(),
  whatToDo: z.string(),
  detail: z.string().nullable(),
  createdAt: z.string(),
});

const syncRun = z.object({
  id: z.string().uuid(),
  trigger: z.string(),
  status: z.string(),
  targetCount: z.number().int(),
  plannedAdd: z.number().int(),
  plannedRemove: z.number().int(),
  plannedRetry: z.number().int(),
  addedCount: z.number().int(),
  removedCount: z.number().int(),
  rejectedCount: z.number().int(),
  apiCalls: z.number().int(),
  note: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const getSync = defineContract({
  method: 'GET',
  path: '/api/syncs/:syncId',
  summary: 'One sync: what was sent and matched, alerts with what to do, run history, rejections',
  tags: ['advertising'],
  params: syncParams,
  response: z.object({
    sync: syncSummary,
    alerts: z.array(syncAlert),
    runs: z.array(syncRun),
    rejections: z.object({ total: z.number().int(), items: z.array(z.object({ label: z.string(), code: z.string(), reason: z.string(), at: z.string() })) }),
  }),
});

export const toggleSync = defineContract({
  method: 'POST',
  path: '/api/syncs/:syncId/toggle',
  summary: 'Toggle a sync off (creator or admin; the audience stays on the channel, stale) or on (moves it to your login)',
  tags: ['advertising'],
  params: syncParams,
  body: z.object({ isOn: z.boolean() }),
  response: z.object({ id: z.string().uuid(), status: syncStatusSchema }),
});

const googleConsentSchema = z.enum(['GRANTED', 'DENIED']);

export const syncSettingsBody = z.object({
  contractedSyncLimit: z.number().int().min(0).max(100_000).nullable(),
  googleAdUserDataConsent: googleConsentSchema,
  googleAdPersonalizationConsent: googleConsentSchema,
});
export type SyncSettingsBody = z.infer<typeof syncSettingsBody>;

export const getSyncSettings = defineContract({
  method: 'GET',
  path: '/api/advertising/settings',
  summary: "The organisation's contracted sync limit with its usage, and the consent declared for Google",
  tags: ['advertising'],
  response: syncSettingsBody.extend({
    /** Syncs turned on now (syncing, synced, failed); inactive ones do not count. */
    usedCount: z.number().int(),
    /** From how many syncs turned on Create Sync warns (80 % of the limit); null without a limit. */
    warningFromCount: z.number().int().nullable(),
    /** The warning / limit rule in one sentence. */
    limitRule: z.string(),
    updatedAt: z.string().nullable(),
    canEdit: z.boolean(),
  }),
});

export const updateSyncSettings = defineContract({
  method: 'PUT',
  path: '/api/advertising/settings',
  summary: "The organisation's contracted sync limit and the consent declared for Google",
  tags: ['advertising'],
  body: syncSettingsBody,
  response: z.object({ isSaved: z.boolean() }),
});
