import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { matchBatches } from './companies';
import { organizations, users } from './core';

/** Mirrors migrations/0300_segments.sql + 0301_segments_scale.sql. company_id columns hold master company ids (text). */
export const segmentFolders = pgTable('segment_folders', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid('folder_id').references(() => segmentFolders.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    sourceType: text('source_type').notNull(),
    sourceConfig: jsonb('source_config').$type<Record<string, unknown>>().notNull().default({}),
    filter: jsonb('filter').$type<unknown>(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    matchBatchId: uuid('match_batch_id').references(() => matchBatches.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    statusMessage: text('status_message'),
    memberCount: integer('member_count').notNull().default(0),
    recordsRead: integer('records_read').notNull().default(0),
    matchedCount: integer('matched_count').notNull().default(0),
    unmatchedCount: integer('unmatched_count').notNull().default(0),
    duplicateCount: integer('duplicate_count').notNull().default(0),
    lastRefreshedAt: timestamp('last_refreshed_at', { withTimezone: true }),
    lastAttemptedAt: timestamp('last_attempted_at', { withTimezone: true }),
    /** The job (pg-boss id) refreshing it; its retry may take the refresh over (0401). */
    refreshClaim: text('refresh_claim'),
    /** "Refresh now" queued and not yet claimed by a worker (0950). */
    refreshQueuedAt: timestamp('refresh_queued_at', { withTimezone: true }),
    nextRefreshAt: timestamp('next_refresh_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('segments_org_idx').on(t.orgId)],
);

export const segmentSourceRows = pgTable(
  'segment_source_rows',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').notNull().references(() => segments.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    rowKey: text('row_key').notNull(),
    crmObjectType: text('crm_object_type'),
    crmExternalId: text('crm_external_id'),
    name: text('name'),
    domain: text('domain'),
    country: text('country'),
    status: text('status').notNull(),
    reason: text('reason'),
    companyId: text('company_id'),
    score: real('score'),
    isManualMatch: boolean('is_manual_match').notNull().default(false),
    isFilteredOut: boolean('is_filtered_out').notNull().default(false),
    candidates: jsonb('candidates').$type<Array<{ companyId: string; score: number }>>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.rowNumber] })],
);

export const segmentMatchOverrides = pgTable(
  'segment_match_overrides',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').notNull().references(() => segments.id, { onDelete: 'cascade' }),
    rowKey: text('row_key').notNull(),
    companyId: text('company_id').notNull(),
    chosenBy: uuid('chosen_by').references(() => users.id, { onDelete: 'set null' }),
    chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.rowKey] })],
);

export const segmentMembers = pgTable(
  'segment_members',
  {
    orgId: uuid('org_id').notNull(),
    segmentId: uuid('segment_id').notNull().references(() => segments.id, { onDelete: 'cascade' }),
    companyId: text('company_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.companyId] }), index('segment_members_company_idx').on(t.orgId, t.companyId)],
);

export const segmentRefreshes = pgTable('segment_refreshes', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  segmentId: uuid('segment_id').notNull().references(() => segments.id, { onDelete: 'cascade' }),
  trigger: text('trigger').notNull(),
  status: text('status').notNull(),
  errorMessage: text('error_message'),
  recordsRead: integer('records_read').notNull().default(0),
  matchedCount: integer('matched_count').notNull().default(0),
  unmatchedCount: integer('unmatched_count').notNull().default(0),
  duplicateCount: integer('duplicate_count').notNull().default(0),
  memberCount: integer('member_count').notNull().default(0),
  addedCount: integer('added_count').notNull().default(0),
  removedCount: integer('removed_count').notNull().default(0),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  /** Who fixed or undid a match by hand (trigger 'manual_match', 0950), and what. */
  triggeredBy: uuid('triggered_by').references(() => users.id, { onDelete: 'set null' }),
  note: text('note'),
});

/** A CRM's list views / reports as last read (0950). */
export const crmSourceCache = pgTable(
  'crm_source_cache',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    items: jsonb('items').$type<unknown[]>().notNull().default([]),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.provider] })],
);

export const segmentMembershipChanges = pgTable(
  'segment_membership_changes',
  {
    orgId: uuid('org_id').notNull(),
    refreshId: uuid('refresh_id').notNull().references(() => segmentRefreshes.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').notNull(),
    companyId: text('company_id').notNull(),
    change: text('change').notNull(),
    why: text('why').notNull(),
  },
  (t) => [primaryKey({ columns: [t.refreshId, t.companyId] })],
);

export const uploadedLists = pgTable('uploaded_lists', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  headers: jsonb('headers').$type<string[]>().notNull().default([]),
  columnMapping: jsonb('column_mapping').$type<{ name: number; domain: number; country: number }>().notNull(),
  isMappingConfirmed: boolean('is_mapping_confirmed').notNull(),
  rowCount: integer('row_count').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const uploadedListRows = pgTable(
  'uploaded_list_rows',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    listId: uuid('list_id').notNull().references(() => uploadedLists.id, { onDelete: 'cascade' }),
    lineNumber: integer('line_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.lineNumber] })],
);

export const segmentSourceCompanies = pgTable(
  'segment_source_companies',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    sourceKey: text('source_key').notNull(),
    companyId: text('company_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.sourceKey, t.companyId] })],
);

export const crmAccountCompanies = pgTable(
  'crm_account_companies',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    externalId: text('external_id').notNull(),
    companyId: text('company_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.provider, t.externalId] }), index('crm_account_companies_company_idx').on(t.orgId, t.companyId)],
);

export const segmentEvents = pgTable('segment_events', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  message: text('message'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp('processed_at', { withTimezone: true }),
});
