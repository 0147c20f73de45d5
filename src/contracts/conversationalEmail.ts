import { z } from 'zod';
import { CAMPAIGN_EVENTS, CAMPAIGN_STATUSES } from '../domain/conversationalEmail/campaignState';
import { REVIEW_OUTCOMES } from '../domain/conversationalEmail/conversationStatus';
import { businessHoursSchema, followUpSequenceSchema, sequenceStepSchema } from '../domain/conversationalEmail/sequence';
import { defineContract, pageOf, pageQuery } from './http';

/**
 * Conversational Email (issue 12): settings and pre-flight, assistants, campaigns fed by Salesforce reports,
 * conversations, the inbound webhook and the sandbox mailbox. Reading needs `view`; campaigns need `ce.manage`;
 * Salesforce field setup needs `integrations.manage`.
 */
const estimateSchema = z.object({ reportCalls: z.number(), importCalls: z.number(), activityCalls: z.number(), completionCalls: z.number(), totalCalls: z.number(), storageMb: z.number() });
const preflightSchema = z.object({
  isReady: z.boolean(),
  items: z.array(z.object({ item: z.string(), isOk: z.boolean(), isRequired: z.boolean(), detail: z.string() })),
  missing: z.array(z.string()),
  warnings: z.array(z.string()),
});
const fieldModeSchema = z.enum(['openabm', 'sixsense_v2', 'sw01']);
const settingsSchema = z.object({
  fieldMode: fieldModeSchema,
  fieldMap: z.record(z.string(), z.record(z.string(), z.string())),
  dncField: z.string().nullable(),
  isActivitySyncOn: z.boolean(),
  fieldsReadyAt: z.string().nullable(),
  preflight: preflightSchema.nullable(),
  preflightAt: z.string().nullable(),
  crmReservedSharePercent: z.number().int(),
  hasInboundWebhook: z.boolean(),
});

export const getCeSettings = defineContract({
  method: 'GET', path: '/api/ce/settings', summary: 'Conversational Email settings: field mapping, activity sync, last pre-flight check', tags: ['conversational-email'],
  response: settingsSchema,
});

export const runCePreflight = defineContract({
  method: 'POST', path: '/api/ce/settings/preflight', summary: 'Check the Salesforce edition, permissions and access Conversational Email needs', tags: ['conversational-email'],
  response: z.object({ preflight: preflightSchema, detectedPackages: z.array(fieldModeSchema) }),
});

export const setupCeFields = defineContract({
  method: 'PUT', path: '/api/ce/settings/fields', summary: "Choose where values go in Salesforce; in 'openabm' mode create openabm's fields through the Tooling API", tags: ['conversational-email'],
  body: z.object({ fieldMode: fieldModeSchema, dncField: z.string().trim().min(1).max(80).nullable().default(null), isActivitySyncOn: z.boolean() }),
  response: z.object({ settings: settingsSchema, preflight: preflightSchema, detectedPackages: z.array(fieldModeSchema), createdFields: z.array(z.string()) }),
});

export const rotateCeInboundWebhook = defineContract({
  method: 'POST', path: '/api/ce/settings/inbound-webhook', summary: 'A new secret URL for the inbound webhook (shown once; the old one stops working)', tags: ['conversational-email'],
  response: z.object({ url: z.string() }),
});

const assistantSchema = z.object({ id: z.string().uuid(), name: z.string(), email: z.string(), signature: z.string(), dailySendCap: z.number().int(), handoffRepEmail: z.string().nullable(), timeZone: z.string(), sentToday: z.number().int() });
export const listCeAssistants = defineContract({
  method: 'GET', path: '/api/ce/assistants', summary: 'E-mail assistants (sender personas)', tags: ['conversational-email'],
  response: z.object({ items: z.array(assistantSchema) }),
});
export const createCeAssistant = defineContract({
  method: 'POST', path: '/api/ce/assistants', summary: 'Create an e-mail assistant', tags: ['conversational-email'], successStatus: 201,
  body: z.object({
    name: z.string().trim().min(1, 'Give the assistant a name.').max(100),
    email: z.string().trim().min(3).max(254),
    signature: z.string().max(2000).default(''),
    dailySendCap: z.number().int().min(1).max(2000),
    handoffRepEmail: z.string().trim().max(254).nullable().default(null),
    timeZone: z.string().trim().min(1).max(64).default('UTC'),
  }),
  response: assistantSchema,
});

const campaignParams = z.object({ campaignId: z.string().uuid() });
const campaignSummary = z.object({
  id: z.string().uuid(), name: z.string(), status: z.enum(CAMPAIGN_STATUSES), assistantName: z.string(), reportName: z.string().nullable(),
  enrolled: z.number().int(), replied: z.number().int(), apiPausedReason: z.string().nullable(), createdAt: z.string(),
});
export const listCeCampaigns = defineContract({
  method: 'GET', path: '/api/ce/campaigns', summary: 'Campaigns of the organisation', tags: ['conversational-email'],
  response: z.object({ items: z.array(campaignSummary) }),
});

export const campaignDetails = z.object({
  id: z.string().uuid(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  assistant: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  mainSequence: z.array(sequenceStepSchema),
  followUpSequences: z.array(followUpSequenceSchema),
  businessHours: businessHoursSchema,
  report: z.object({ id: z.string(), name: z.string(), object: z.string() }).nullable(),
  creatorName: z.string(),
  createdAt: z.string(),
  statusChangedAt: z.string(),
  lastPolledAt: z.string().nullable(),
  funnel: z.object({ enrolled: z.number(), sent: z.number(), replied: z.number(), qualified: z.number(), dnc: z.number(), bounced: z.number() }),
  statusCounts: z.record(z.string(), z.number()),
  api: z.object({ callsToday: z.number(), dailyCap: z.number(), callsTotal: z.number(), pausedReason: z.string().nullable(), pausedAt: z.string().nullable() }),
  estimate: z.object({
    assumptions: z.object({ watchedReports: z.number(), contacts: z.number(), emailsInMainSequence: z.number(), days: z.number(), isActivitySyncOn: z.boolean() }),
    specWorstCase: estimateSchema,
    batched: estimateSchema,
    actual: z.object({ calls: z.number(), emailsSent: z.number(), storageMb: z.number() }),
  }),
});

export const createCeCampaign = defineContract({
  method: 'POST', path: '/api/ce/campaigns', summary: 'Create a draft campaign (the watched report is checked first)', tags: ['conversational-email'], successStatus: 201,
  body: z.object({
    name: z.string().trim().min(1, 'Give the campaign a name.').max(200),
    assistantId: z.string().uuid('Choose an e-mail assistant for the campaign.'),
    mainSequence: z.array(sequenceStepSchema).min(1, 'The main sequence needs at least one e-mail.').max(10),
    followUpSequences: z.array(followUpSequenceSchema).max(5).default([]),
    businessHours: businessHoursSchema,
    reportId: z.string().trim().min(15).max(18).nullable().default(null),
    dailyApiCallCap: z.number().int().min(1).max(100_000).default(300),
    startsAt: z.iso.datetime().nullable().default(null),
  }),
  response: campaignDetails,
});

export const getCeCampaign = defineContract({
  method: 'GET', path: '/api/ce/campaigns/:campaignId', summary: 'A campaign with its funnel, API counter and estimate', tags: ['conversational-email'],
  params: campaignParams, response: campaignDetails,
});

export const changeCeCampaignStatus = defineContract({
  method: 'POST', path: '/api/ce/campaigns/:campaignId/status', summary: 'Schedule, start, pause, resume, end or cancel a campaign', tags: ['conversational-email'],
  params: campaignParams, body: z.object({ event: z.enum(CAMPAIGN_EVENTS) }), response: campaignDetails,
});

export const pollCeCampaignNow = defineContract({
  method: 'POST', path: '/api/ce/campaigns/:campaignId/poll', summary: 'Check the watched report now instead of at the next 15-minute poll', tags: ['conversational-email'], successStatus: 202,
  params: campaignParams, response: z.object({ queued: z.boolean() }),
});

const enrollmentCounts = z.object({ enrolled: z.number(), unsynced: z.number(), import_error: z.number(), enrollment_error: z.number() });
export const enrollCeManually = defineContract({
  method: 'POST', path: '/api/ce/campaigns/:campaignId/enroll', summary: 'Enroll Salesforce leads or contacts by id', tags: ['conversational-email'],
  params: campaignParams, body: z.object({ object: z.enum(['lead', 'contact']), crmIds: z.array(z.string().regex(/^[a-zA-Z0-9]{15,18}$/, 'Salesforce ids have 15 or 18 letters and digits.')).min(1).max(200) }),
  response: enrollmentCounts,
});

const conversationItem = z.object({
  id: z.string().uuid(), personName: z.string(), email: z.string(), crmObject: z.string(), crmId: z.string(), status: z.string(), statusLabel: z.string(), crmStatus: z.string(),
  isPaused: z.boolean(), lastIntent: z.string().nullable(), reviewReason: z.string().nullable(), nextSendAt: z.string().nullable(), enrolledVia: z.string(), enrolledAt: z.string(),
});
export const listCeConversations = defineContract({
  method: 'GET', path: '/api/ce/campaigns/:campaignId/conversations', summary: 'Conversations of a campaign and the report rows that could not be enrolled', tags: ['conversational-email'],
  params: campaignParams, query: pageQuery,
  response: pageOf(conversationItem).extend({
    problems: z.array(z.object({ crmId: z.string(), email: z.string().nullable(), outcome: z.string(), outcomeLabel: z.string(), reason: z.string() })), problemTotal: z.number().int(),
  }),
});

export const conversationThread = z.object({
  id: z.string().uuid(), campaignId: z.string().uuid(), campaignName: z.string(), personName: z.string(), email: z.string(), crmObject: z.string(), crmId: z.string(), replyTo: z.string(),
  status: z.string(), statusLabel: z.string(), isEnded: z.boolean(), reviewReason: z.string().nullable(), resumeAfter: z.string().nullable(),
  isPaused: z.boolean(), nextSendAt: z.string().nullable(), sequence: z.string(), reviewedBy: z.string().nullable(),
  writeBack: z.array(z.object({ kind: z.string(), status: z.string(), summary: z.string(), salesforceId: z.string().nullable(), error: z.string().nullable(), createdAt: z.string() })),
  messages: z.array(z.object({
    id: z.string(), direction: z.string(), kind: z.string(), from: z.string(), to: z.string(), cc: z.string().nullable(), subject: z.string(), text: z.string(),
    intent: z.string().nullable(), delivery: z.string(), deliveryDetail: z.string().nullable(), createdAt: z.string(),
  })),
});
export const getCeConversation = defineContract({
  method: 'GET', path: '/api/ce/conversations/:conversationId', summary: "One contact's conversation thread", tags: ['conversational-email'],
  params: z.object({ conversationId: z.string().uuid() }), response: conversationThread,
});

const conversationParams = z.object({ conversationId: z.string().uuid() });
export const pauseCeConversations = defineContract({
  method: 'POST', path: '/api/ce/conversations/pause', summary: 'Pause or resume conversations (ended ones are skipped when pausing; only paused ones resume)', tags: ['conversational-email'],
  body: z.object({ conversationIds: z.array(z.string().uuid()).min(1, 'Choose at least one conversation.').max(500), action: z.enum(['pause', 'resume']) }),
  response: z.object({ changedIds: z.array(z.string()), skipped: z.array(z.object({ conversationId: z.string(), reason: z.string() })) }),
});

export const sendCeConversationNow = defineContract({
  method: 'POST', path: '/api/ce/conversations/:conversationId/send-now', summary: "Send the conversation's next scheduled e-mail now (the assistant's daily cap still holds)", tags: ['conversational-email'],
  params: conversationParams, response: z.object({ outcome: z.enum(['sent', 'bounced', 'deferred']) }),
});

export const listCeReviewTasks = defineContract({
  method: 'GET', path: '/api/ce/reviews', summary: 'Human-review tasks: replies no rule recognised or classified with low confidence', tags: ['conversational-email'],
  response: z.object({
    items: z.array(z.object({
      conversationId: z.string(), campaignId: z.string(), campaignName: z.string(), personName: z.string(), email: z.string(), reason: z.string(), suggestedIntent: z.string().nullable(),
      replySubject: z.string().nullable(), replyText: z.string().nullable(), receivedAt: z.string(),
    })),
    outcomes: z.array(z.enum(REVIEW_OUTCOMES)),
  }),
});

export const resolveCeReviewTask = defineContract({
  method: 'POST', path: '/api/ce/conversations/:conversationId/review', summary: 'Close a human-review task with the outcome a person picked', tags: ['conversational-email'],
  params: conversationParams, body: z.object({ outcome: z.enum(REVIEW_OUTCOMES, 'Pick Qualified, Not Interested, Stopped Responding or Canceled.') }), response: z.object({ status: z.string() }),
});

/** The shape mail providers' inbound parse posts (headers as a raw block or an object). */
export const inboundMailBody = z.object({
  from: z.string().min(1).max(1000),
  to: z.union([z.string(), z.array(z.string())]),
  cc: z.union([z.string(), z.array(z.string())]).optional(),
  subject: z.string().max(2000).default(''),
  text: z.string().max(1_000_000).default(''),
  html: z.string().max(2_000_000).optional(),
  headers: z.union([z.string(), z.record(z.string(), z.string())]).default({}),
});
export const receiveCeInboundMail = defineContract({
  method: 'POST', path: '/api/ce/inbound/:token', summary: 'Inbound webhook: replies and bounce reports forwarded by the mail provider', tags: ['conversational-email'],
  params: z.object({ token: z.string().min(20).max(200) }), body: inboundMailBody,
  response: z.object({ outcome: z.string(), conversationId: z.string().nullable() }),
});

export const replyAsLeadInSandbox = defineContract({
  method: 'POST', path: '/api/ce/sandbox/conversations/:conversationId/reply', summary: 'Sandbox mailbox: answer as the lead (sent through the local inbound SMTP listener)', tags: ['conversational-email'],
  params: z.object({ conversationId: z.string().uuid() }), body: z.object({ text: z.string().trim().min(1, 'Write a reply.').max(20_000) }),
  response: z.object({ outcome: z.string(), status: z.string() }),
});

export { allowedCampaignEvents, CAMPAIGN_EVENT_LABELS } from '../domain/conversationalEmail/campaignState';
export { campaignStatusLabel, crmStatusLabel, fieldModeLabel, replyIntentLabel, writeBackStateLabel } from '../domain/conversationalEmail/statusLabels';
