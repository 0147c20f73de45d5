import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './core';

/** Mirrors migrations/0200_crm_integrations.sql. *_sealed columns hold AES-256-GCM sealed secrets, never plain text. */
export const crmConnections = pgTable(
  'crm_connections',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    status: text('status').notNull(),
    environment: text('environment').notNull(),
    loginUrl: text('login_url').notNull(),
    resourceUrl: text('resource_url'),
    instanceUrl: text('instance_url').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretSealed: text('client_secret_sealed').notNull(),
    accessTokenSealed: text('access_token_sealed').notNull(),
    refreshTokenSealed: text('refresh_token_sealed').notNull(),
    credentialPolicy: text('credential_policy').notNull(),
    credentialsSetAt: timestamp('credentials_set_at', { withTimezone: true }).notNull(),
    externalOrgId: text('external_org_id'),
    externalUserId: text('external_user_id'),
    dailyApiAllowance: integer('daily_api_allowance').notNull(),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    firstFullSyncAt: timestamp('first_full_sync_at', { withTimezone: true }),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
    connectedBy: uuid('connected_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('crm_connections_org_provider_key').on(t.orgId, t.provider)],
);

export const crmOauthStates = pgTable(
  'crm_oauth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    environment: text('environment').notNull(),
    loginUrl: text('login_url').notNull(),
    resourceUrl: text('resource_url'),
    clientId: text('client_id').notNull(),
    clientSecretSealed: text('client_secret_sealed').notNull(),
    codeVerifierSealed: text('code_verifier_sealed').notNull(),
    credentialPolicy: text('credential_policy').notNull(),
    dailyApiAllowance: integer('daily_api_allowance'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('crm_oauth_states_org_idx').on(t.orgId)],
);

export const crmApiUsage = pgTable(
  'crm_api_usage',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    usageDay: date('usage_day', { mode: 'string' }).notNull(),
    callCount: integer('call_count').notNull().default(0),
    refusedCount: integer('refused_count').notNull().default(0),
    providerUsed: integer('provider_used'),
    providerMax: integer('provider_max'),
    limitReachedAt: timestamp('limit_reached_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.provider, t.usageDay] })],
);

export const crmSyncCursors = pgTable(
  'crm_sync_cursors',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    objectType: text('object_type').notNull(),
    completedStamp: text('completed_stamp'),
    lastCompletedRunId: uuid('last_completed_run_id'),
    runId: uuid('run_id'),
    runSince: text('run_since'),
    runCheckpoint: text('run_checkpoint'),
    runPages: integer('run_pages').notNull().default(0),
    runRecords: integer('run_records').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.provider, t.objectType] })],
);

export const crmSyncRuns = pgTable(
  'crm_sync_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    status: text('status').notNull(),
    isFull: boolean('is_full').notNull(),
    recordsSynced: integer('records_synced').notNull().default(0),
    apiCalls: integer('api_calls').notNull().default(0),
    errorMessage: text('error_message'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('crm_sync_runs_org_idx').on(t.orgId, t.provider, t.startedAt)],
);

// A function, so each table gets its own column builders.
const recordColumns = () => ({
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  provider: text('provider').notNull(),
  externalId: text('external_id').notNull(),
  name: text('name'),
  country: text('country'),
  ownerExternalId: text('owner_external_id'),
  ownerName: text('owner_name'),
  modifiedAt: timestamp('modified_at', { withTimezone: true }),
  fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
  syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
});

export const crmAccounts = pgTable('crm_accounts', { ...recordColumns(), website: text('website') }, (t) => [
  primaryKey({ columns: [t.orgId, t.provider, t.externalId] }),
]);

export const crmContacts = pgTable(
  'crm_contacts',
  { ...recordColumns(), email: text('email'), accountExternalId: text('account_external_id'), companyName: text('company_name') },
  (t) => [primaryKey({ columns: [t.orgId, t.provider, t.externalId] }), index('crm_contacts_account_idx').on(t.orgId, t.provider, t.accountExternalId)],
);

export const crmLeads = pgTable(
  'crm_leads',
  {
    ...recordColumns(),
    email: text('email'),
    website: text('website'),
    companyName: text('company_name'),
    isConverted: boolean('is_converted'),
    convertedAccountExternalId: text('converted_account_external_id'),
    convertedContactExternalId: text('converted_contact_external_id'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.provider, t.externalId] })],
);
