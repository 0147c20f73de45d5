import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './core';
import { segments } from './segments';

/**
 * Mirrors migrations/0500_ad_syncs.sql + 0501. *_sealed columns hold AES-256-GCM sealed secrets; member sets are packed
 * sorted uint32 keys stored as base64 text (PGlite decodes base64 text ~30× faster than bytea).
 */
export const memberSetColumn = customType<{ data: Uint8Array; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
  fromDriver: (value) => Buffer.from(value, 'base64'),
});

export const adChannelConnections = pgTable(
  'ad_channel_connections',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    environment: text('environment').notNull(),
    authBaseUrl: text('auth_base_url').notNull(),
    apiBaseUrl: text('api_base_url').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretSealed: text('client_secret_sealed').notNull(),
    accessTokenSealed: text('access_token_sealed').notNull(),
    refreshTokenSealed: text('refresh_token_sealed'),
    developerTokenSealed: text('developer_token_sealed'),
    accessExpiresAt: timestamp('access_expires_at', { withTimezone: true }),
    reauthDueAt: timestamp('reauth_due_at', { withTimezone: true }),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ad_channel_connections_user_key').on(t.orgId, t.userId, t.channel)],
);

export const adChannelOauthStates = pgTable('ad_channel_oauth_states', {
  stateHash: text('state_hash').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  channel: text('channel').notNull(),
  environment: text('environment').notNull(),
  authBaseUrl: text('auth_base_url').notNull(),
  apiBaseUrl: text('api_base_url').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed').notNull(),
  codeVerifierSealed: text('code_verifier_sealed').notNull(),
  developerTokenSealed: text('developer_token_sealed'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const adMemberKeys = pgTable(
  'ad_member_keys',
  {
    memberKey: integer('member_key').primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    memberRef: text('member_ref').notNull(),
  },
  (t) => [uniqueIndex('ad_member_keys_ref_key').on(t.orgId, t.memberRef)],
);

export const adMemberPayloads = pgTable(
  'ad_member_payloads',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    memberKey: integer('member_key').notNull(),
    label: text('label').notNull(),
    payload: jsonb('payload').$type<Record<string, string>>(),
    rejection: text('rejection'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.channel, t.memberKey] })],
);

export const adSyncs = pgTable(
  'ad_syncs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').notNull().references(() => segments.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    adAccountId: text('ad_account_id').notNull(),
    adAccountName: text('ad_account_name').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    runsOnUserId: uuid('runs_on_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    audienceId: text('audience_id'),
    audienceName: text('audience_name').notNull(),
    channelStatus: text('channel_status'),
    matchedCount: integer('matched_count'),
    ackedMembers: memberSetColumn('acked_members').notNull().default(sql`''`),
    failedMembers: memberSetColumn('failed_members').notNull().default(sql`''`),
    ackedCount: integer('acked_count').notNull().default(0),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    syncedSegmentRefreshAt: timestamp('synced_segment_refresh_at', { withTimezone: true }),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ad_syncs_triple_key').on(t.orgId, t.segmentId, t.channel, t.adAccountId), index('ad_syncs_org_status_idx').on(t.orgId, t.status, t.createdAt)],
);

export const adSyncRuns = pgTable(
  'ad_sync_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    syncId: uuid('sync_id').notNull().references(() => adSyncs.id, { onDelete: 'cascade' }),
    trigger: text('trigger').notNull(),
    status: text('status').notNull(),
    targetMembers: memberSetColumn('target_members').notNull().default(sql`''`),
    targetCount: integer('target_count').notNull().default(0),
    plannedAdd: integer('planned_add').notNull().default(0),
    plannedRemove: integer('planned_remove').notNull().default(0),
    plannedRetry: integer('planned_retry').notNull().default(0),
    addedCount: integer('added_count').notNull().default(0),
    removedCount: integer('removed_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    apiCalls: integer('api_calls').notNull().default(0),
    note: text('note'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('ad_sync_runs_sync_idx').on(t.orgId, t.syncId, t.seq)],
);

export const adSyncBatches = pgTable(
  'ad_sync_batches',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').notNull().references(() => adSyncRuns.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    operation: text('operation').notNull(),
    memberKeys: memberSetColumn('member_keys').notNull(),
    memberCount: integer('member_count').notNull(),
    status: text('status').notNull(),
    pendingRequestId: text('pending_request_id'),
    acceptedCount: integer('accepted_count').notNull().default(0),
    rejectedMembers: memberSetColumn('rejected_members').notNull().default(sql`''`),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
);

export const adSyncRejections = pgTable(
  'ad_sync_rejections',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    syncId: uuid('sync_id').notNull().references(() => adSyncs.id, { onDelete: 'cascade' }),
    memberKey: integer('member_key').notNull(),
    runId: uuid('run_id'),
    label: text('label').notNull(),
    code: text('code').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.syncId, t.memberKey] })],
);

export const adSyncAlerts = pgTable('ad_sync_alerts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  syncId: uuid('sync_id').notNull().references(() => adSyncs.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  severity: text('severity').notNull(),
  detail: text('detail'),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  processedAt: timestamp('processed_at', { withTimezone: true }),
});

export const adSyncSettings = pgTable('ad_sync_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  contractedSyncLimit: integer('contracted_sync_limit'),
  googleAdUserDataConsent: text('google_ad_user_data_consent').notNull().default('DENIED'),
  googleAdPersonalizationConsent: text('google_ad_personalization_consent').notNull().default('DENIED'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who may write to an audience now (0502): one row per Google ad account or per sync of the other channels. */
export const adAudienceWriters = pgTable(
  'ad_audience_writers',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    writerKey: text('writer_key').notNull(),
    syncId: uuid('sync_id')
      .notNull()
      .references(() => adSyncs.id, { onDelete: 'cascade' }),
    holder: text('holder').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    renewedAt: timestamp('renewed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.writerKey] })],
);
