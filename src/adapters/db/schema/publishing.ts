import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apiKeys, organizations, users } from './core';
import { segments } from './segments';

/** Mirrors migrations/0620_publishing.sql. */
export const segmentPublications = pgTable(
  'segment_publications',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').notNull().references(() => segments.id, { onDelete: 'cascade' }),
    use: text('use').notNull(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.segmentId, t.use] }), index('segment_publications_use_idx').on(t.orgId, t.use)],
);

export const savedReports = pgTable('saved_reports', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const savedReportSegments = pgTable(
  'saved_report_segments',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').notNull().references(() => savedReports.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').notNull().references(() => segments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.segmentId] })],
);

export const enrichmentOrchestrations = pgTable('enrichment_orchestrations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  targetSystem: text('target_system').notNull(),
  targetObject: text('target_object').notNull(),
  targetField: text('target_field').notNull(),
  fieldLabel: text('field_label'),
  fieldType: text('field_type'),
  fieldLength: integer('field_length'),
  conflictPolicy: text('conflict_policy').notNull(),
  isEnabled: boolean('is_enabled').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const enrichmentRuns = pgTable('enrichment_runs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  orchestrationId: uuid('orchestration_id').notNull().references(() => enrichmentOrchestrations.id, { onDelete: 'cascade' }),
  trigger: text('trigger').notNull(),
  isDryRun: boolean('is_dry_run').notNull().default(false),
  status: text('status').notNull(),
  checkpoint: text('checkpoint'),
  recordsScanned: integer('records_scanned').notNull().default(0),
  recordsWritten: integer('records_written').notNull().default(0),
  recordsUnchanged: integer('records_unchanged').notNull().default(0),
  recordsSkipped: integer('records_skipped').notNull().default(0),
  recordsFailed: integer('records_failed').notNull().default(0),
  recordsTruncated: integer('records_truncated').notNull().default(0),
  apiCalls: integer('api_calls').notNull().default(0),
  attempts: integer('attempts').notNull().default(0),
  errorMessage: text('error_message'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const enrichmentRunItems = pgTable(
  'enrichment_run_items',
  {
    orgId: uuid('org_id').notNull(),
    runId: uuid('run_id').notNull().references(() => enrichmentRuns.id, { onDelete: 'cascade' }),
    recordId: text('record_id').notNull(),
    outcome: text('outcome').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    droppedNames: jsonb('dropped_names').$type<string[]>().notNull().default([]),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.recordId] })],
);

export const enrichmentWrittenValues = pgTable(
  'enrichment_written_values',
  {
    orgId: uuid('org_id').notNull(),
    orchestrationId: uuid('orchestration_id').notNull().references(() => enrichmentOrchestrations.id, { onDelete: 'cascade' }),
    recordId: text('record_id').notNull(),
    value: text('value'),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orchestrationId, t.recordId] })],
);

export const segmentsApiSettings = pgTable('segments_api_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  isEnabled: boolean('is_enabled').notNull().default(false),
  scope: text('scope').notNull().default('published'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const apiKeyRateWindows = pgTable(
  'api_key_rate_windows',
  {
    apiKeyId: uuid('api_key_id').notNull().references(() => apiKeys.id, { onDelete: 'cascade' }),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    requestCount: integer('request_count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.windowStart] })],
);
