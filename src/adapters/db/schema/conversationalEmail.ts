import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './core';

/** Mirrors migrations/0800_conversational_email.sql and 0801_ce_follow_ups_time_zone.sql. */
const org = () => uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });
const stamp = (name: string) => timestamp(name, { withTimezone: true });

export const ceSettings = pgTable('ce_settings', {
  orgId: org().primaryKey(),
  fieldMode: text('field_mode').notNull().default('openabm'),
  fieldMap: jsonb('field_map').$type<Record<string, Record<string, string>>>().notNull().default({}),
  dncField: text('dnc_field'),
  isActivitySyncOn: boolean('is_activity_sync_on').notNull().default(true),
  fieldsReadyAt: stamp('fields_ready_at'),
  preflight: jsonb('preflight'),
  preflightAt: stamp('preflight_at'),
  inboundTokenHash: text('inbound_token_hash'),
  crmReservedSharePercent: integer('crm_reserved_share_percent').notNull().default(40),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
});

export const ceAssistants = pgTable('ce_assistants', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: org(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  signature: text('signature').notNull().default(''),
  dailySendCap: integer('daily_send_cap').notNull(),
  handoffRepEmail: text('handoff_rep_email'),
  timeZone: text('time_zone').notNull().default('UTC'),
  createdAt: stamp('created_at').notNull().defaultNow(),
});

export const ceCampaigns = pgTable('ce_campaigns', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: org(),
  name: text('name').notNull(),
  assistantId: uuid('assistant_id').notNull().references(() => ceAssistants.id),
  status: text('status').notNull(),
  mainSequence: jsonb('main_sequence').$type<unknown>().notNull(),
  followUpSequences: jsonb('follow_up_sequences').$type<unknown>().notNull().default([]),
  businessHours: jsonb('business_hours').$type<unknown>().notNull(),
  reportId: text('report_id'),
  reportName: text('report_name'),
  reportObject: text('report_object'),
  isAutoImport: boolean('is_auto_import').notNull().default(true),
  dailyApiCallCap: integer('daily_api_call_cap').notNull().default(300),
  apiPausedReason: text('api_paused_reason'),
  apiPausedAt: stamp('api_paused_at'),
  startsAt: stamp('starts_at'),
  lastPolledAt: stamp('last_polled_at'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  creatorName: text('creator_name').notNull().default(''),
  statusChangedAt: stamp('status_changed_at').notNull().defaultNow(),
  createdAt: stamp('created_at').notNull().defaultNow(),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
});

export const cePeople = pgTable('ce_people', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: org(),
  crmObject: text('crm_object').notNull(),
  crmId: text('crm_id').notNull(),
  email: text('email'),
  firstName: text('first_name'),
  lastName: text('last_name'),
  ownerId: text('owner_id'),
  ownerEmail: text('owner_email'),
  fields: jsonb('fields').$type<Record<string, string | null>>().notNull().default({}),
  isDoNotContact: boolean('is_do_not_contact').notNull().default(false),
  createdAt: stamp('created_at').notNull().defaultNow(),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
});

export const ceReportRows = pgTable(
  'ce_report_rows',
  {
    orgId: org(),
    campaignId: uuid('campaign_id').notNull().references(() => ceCampaigns.id, { onDelete: 'cascade' }),
    crmId: text('crm_id').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    email: text('email'),
    firstSeenAt: stamp('first_seen_at').notNull(),
    updatedAt: stamp('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.crmId] })],
);

export const ceConversations = pgTable('ce_conversations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: org(),
  campaignId: uuid('campaign_id').notNull().references(() => ceCampaigns.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => cePeople.id, { onDelete: 'cascade' }),
  status: text('status').notNull(),
  isPaused: boolean('is_paused').notNull().default(false),
  nextStep: integer('next_step').notNull().default(0),
  /** Null: the main sequence; otherwise the index of the follow-up sequence `nextStep` counts in. */
  followUpIndex: integer('follow_up_index'),
  nextSendAt: stamp('next_send_at'),
  resumeAfter: stamp('resume_after'),
  replyToken: text('reply_token').notNull(),
  hasReplied: boolean('has_replied').notNull().default(false),
  lastIntent: text('last_intent'),
  reviewReason: text('review_reason'),
  reviewedBy: text('reviewed_by'),
  reviewedAt: stamp('reviewed_at'),
  isBounced: boolean('is_bounced').notNull().default(false),
  enrolledVia: text('enrolled_via').notNull(),
  enrolledAt: stamp('enrolled_at').notNull(),
  endedAt: stamp('ended_at'),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
});

export const ceMessages = pgTable('ce_messages', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  orgId: org(),
  conversationId: uuid('conversation_id').notNull().references(() => ceConversations.id, { onDelete: 'cascade' }),
  assistantId: uuid('assistant_id').references(() => ceAssistants.id, { onDelete: 'set null' }),
  direction: text('direction').notNull(),
  kind: text('kind').notNull(),
  messageId: text('message_id').notNull(),
  inReplyTo: text('in_reply_to'),
  fromAddress: text('from_address').notNull(),
  toAddress: text('to_address').notNull(),
  cc: text('cc'),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  intent: text('intent'),
  delivery: text('delivery').notNull(),
  deliveryDetail: text('delivery_detail'),
  createdAt: stamp('created_at').notNull(),
});

export const ceWrites = pgTable('ce_writes', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  /** Journal order (0801): later writes to a record win when merged. */
  seq: bigserial('seq', { mode: 'number' }),
  orgId: org(),
  idempotencyKey: text('idempotency_key').notNull(),
  kind: text('kind').notNull(),
  crmObject: text('crm_object').notNull(),
  crmId: text('crm_id').notNull(),
  payload: jsonb('payload').$type<Record<string, string | boolean | null>>().notNull(),
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  salesforceId: text('salesforce_id'),
  error: text('error'),
  inFlightSince: stamp('in_flight_since'),
  createdAt: stamp('created_at').notNull(),
  doneAt: stamp('done_at'),
});

export const ceApiUsage = pgTable(
  'ce_api_usage',
  {
    orgId: org(),
    campaignId: uuid('campaign_id').notNull().references(() => ceCampaigns.id, { onDelete: 'cascade' }),
    usageDay: date('usage_day').notNull(),
    callCount: integer('call_count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.usageDay] })],
);
