import type { CampaignStatus } from './campaignState';
import type { ReplyIntent } from './classifyReply';
import { CONVERSATION_STATUS_FACTS, isConversationStatus } from './conversationStatus';
import type { FieldMode } from './fieldMapping';
import { inWords, labelFor } from '../inWords';

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

export function campaignStatusLabel(status: string): string {
  return labelFor(CAMPAIGN_STATUS_LABELS, status);
}

/** The words for a value of the Salesforce status field (in_progress → "In Progress"). */
export function crmStatusLabel(value: string): string {
  if (Object.hasOwn(CRM_VALUE_LABELS, value)) return labelFor(CRM_VALUE_LABELS, value);
  if (isConversationStatus(value)) return CONVERSATION_STATUS_FACTS[value].label;
  return inWords(value);
}

export function replyIntentLabel(intent: string): string {
  return labelFor(REPLY_INTENT_LABELS, intent);
}

export function writeBackStateLabel(state: string): string {
  return labelFor(WRITE_BACK_STATE_LABELS, state);
}

export function fieldModeLabel(mode: string): string {
  return labelFor(FIELD_MODE_LABELS, mode);
}
