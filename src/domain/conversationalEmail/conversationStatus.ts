/**
 * Conversation statuses (related-notes §7): UI label, the value written to the CRM status field, and whether the
 * conversation has ended. Stopped Responding / Unresponsive come from the predecessor product's docs and are set after
 * the last touchpoint plus a few days.
 */
export const CONVERSATION_STATUSES = [
  'scheduled',
  'pending_contact_response',
  'pending_ai_response',
  'paused',
  'bounced',
  'canceled',
  'human_review',
  'not_interested',
  'not_interested_now',
  'qualified',
  'stopped_responding',
  'unresponsive',
] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

interface StatusFacts {
  readonly label: string;
  readonly crmValue: string;
  readonly isEnded: boolean;
}

export const CONVERSATION_STATUS_FACTS: Readonly<Record<ConversationStatus, StatusFacts>> = {
  scheduled: { label: 'Scheduled', crmValue: 'not_started', isEnded: false },
  pending_contact_response: { label: 'Pending Contact Response', crmValue: 'in_progress', isEnded: false },
  pending_ai_response: { label: 'Pending AI Response', crmValue: 'in_progress', isEnded: false },
  paused: { label: 'Paused', crmValue: 'paused', isEnded: false },
  bounced: { label: 'Bounced', crmValue: 'bounced', isEnded: true },
  canceled: { label: 'Canceled', crmValue: 'canceled', isEnded: true },
  human_review: { label: 'Human Review', crmValue: 'human_review', isEnded: true },
  not_interested: { label: 'Not Interested', crmValue: 'not_interested', isEnded: true },
  not_interested_now: { label: 'Not Interested Now', crmValue: 'not_interested_now', isEnded: true },
  qualified: { label: 'Qualified', crmValue: 'qualified', isEnded: true },
  stopped_responding: { label: 'Stopped Responding', crmValue: 'stopped_responding', isEnded: true },
  unresponsive: { label: 'Unresponsive', crmValue: 'unresponsive', isEnded: true },
};

/** Every value openabm writes to the status field (its own picklist's values). */
export const CRM_STATUS_VALUES = [...new Set(Object.values(CONVERSATION_STATUS_FACTS).map((facts) => facts.crmValue)), 'import_error'];

export function isConversationEnded(status: ConversationStatus): boolean {
  return CONVERSATION_STATUS_FACTS[status].isEnded;
}

export function crmStatusValue(status: ConversationStatus, isPaused: boolean): string {
  return isPaused && !isConversationEnded(status) ? 'paused' : CONVERSATION_STATUS_FACTS[status].crmValue;
}

/** "Pause: only non-ended conversations … only paused conversations can be resumed." */
export function canPauseConversation(status: ConversationStatus, isPaused: boolean): boolean {
  return !isPaused && !isConversationEnded(status);
}

/** Days after the last touchpoint before a silent conversation becomes Stopped Responding / Unresponsive. */
export const SILENCE_DAYS_AFTER_LAST_TOUCHPOINT = 3;

export function silentOutcome(hasReplied: boolean): ConversationStatus {
  return hasReplied ? 'stopped_responding' : 'unresponsive';
}

export function isConversationStatus(value: string): value is ConversationStatus {
  return (CONVERSATION_STATUSES as readonly string[]).includes(value);
}

/** related-notes §7: a human-review task is closed "by setting Qualified, Not Interested, Stopped Responding or Canceled". */
export const REVIEW_OUTCOMES = ['qualified', 'not_interested', 'stopped_responding', 'canceled'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** Below this confidence a classifier's answer is not acted on: the reply goes to human review instead. */
export const REVIEW_CONFIDENCE_THRESHOLD = 0.7;
