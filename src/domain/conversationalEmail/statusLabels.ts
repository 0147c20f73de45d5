import type { CampaignStatus } from './campaignState';
import type { ReplyIntent } from './classifyReply';
import { CONVERSATION_STATUS_FACTS, isConversationStatus } from './conversationStatus';
import type { FieldMode } from './fieldMapping';

/**
 * The product's words for the values Conversational Email stores (the pages showed `running`, `in_progress`,
 * `out_of_office`). Campaign states: conversational-email-salesforce.txt ("running, ended, paused, canceled, draft,
 * scheduled"); conversation statuses and CRM values: related-notes §7; picklist values in words: "in progress, import
 * error, not started, qualified" (the sw01_status__c description).
 */
export const CAMPAIGN_STATUS_LABELS: Readonly<Record<CampaignStatus, string>> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
  canceled: 'Canceled',
};

/** CRM status values that are not a conversation status of their own (several statuses write `in_progress`). */
const CRM_VALUE_LABELS: Readonly<Record<string, string>> = {
  not_started: 'Not Started',
  in_progress: 'In Progress',
  import_error: 'Import Error',
};

export const REPLY_INTENT_LABELS: Readonly<Record<ReplyIntent, string>> = {
  qualified: 'Interested',
  not_interested: 'Not Interested',
  not_interested_now: 'Not Interested Now',
  do_not_contact: 'Do Not Contact',
  out_of_office: 'Out of Office',
  wrong_person: 'Wrong Person',
  other: 'Not Recognised',
};

/** The state of one write to Salesforce (ce_writes.status). */
export const WRITE_BACK_STATE_LABELS: Readonly<Record<string, string>> = {
  pending: 'Waiting',
  in_flight: 'Being written',
  done: 'Written',
  failed: 'Failed',
};

export const FIELD_MODE_LABELS: Readonly<Record<FieldMode, string>> = {
  openabm: "openabm's own fields",
  sixsense_v2: 'Managed Package v2 fields',
  sw01: 'Pre-June-2025 package fields',
};

/** Words for a value without a label of its own: `stopped_responding` → "Stopped responding". */
function inWords(value: string): string {
  const words = value.replace(/_+/g, ' ').trim();
  return words === '' ? value : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

export function campaignStatusLabel(status: string): string {
  return (CAMPAIGN_STATUS_LABELS as Readonly<Record<string, string>>)[status] ?? inWords(status);
}

/** The words for a value of the Salesforce status field (in_progress → "In Progress"). */
export function crmStatusLabel(value: string): string {
  if (CRM_VALUE_LABELS[value]) return CRM_VALUE_LABELS[value];
  if (isConversationStatus(value)) return CONVERSATION_STATUS_FACTS[value].label;
  return inWords(value);
}

export function replyIntentLabel(intent: string): string {
  return (REPLY_INTENT_LABELS as Readonly<Record<string, string>>)[intent] ?? inWords(intent);
}

export function writeBackStateLabel(state: string): string {
  return WRITE_BACK_STATE_LABELS[state] ?? inWords(state);
}

export function fieldModeLabel(mode: string): string {
  return (FIELD_MODE_LABELS as Readonly<Record<string, string>>)[mode] ?? inWords(mode);
}
