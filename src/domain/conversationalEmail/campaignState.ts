/**
 * Campaign states and the transitions the specification implies (conversational-email-salesforce.txt: "running,
 * ended, paused, canceled, draft, scheduled"; FAQ: the status is written "when leads get enrolled initially
 * (Scheduled, Running)" and "when a campaign changes state (Running, Ended, Canceled, Paused)").
 */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'paused', 'ended', 'canceled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_EVENTS = ['schedule', 'start', 'pause', 'resume', 'end', 'cancel', 'unschedule'] as const;
export type CampaignEvent = (typeof CAMPAIGN_EVENTS)[number];

const TRANSITIONS: Readonly<Record<CampaignStatus, Partial<Record<CampaignEvent, CampaignStatus>>>> = {
  draft: { schedule: 'scheduled', start: 'running', cancel: 'canceled' },
  scheduled: { start: 'running', unschedule: 'draft', cancel: 'canceled' },
  running: { pause: 'paused', end: 'ended', cancel: 'canceled' },
  paused: { resume: 'running', end: 'ended', cancel: 'canceled' },
  ended: {},
  canceled: {},
};

/** The state after an event, or undefined when the event is not allowed from this state. */
export function nextCampaignStatus(current: CampaignStatus, event: CampaignEvent): CampaignStatus | undefined {
  return TRANSITIONS[current][event];
}

export function allowedCampaignEvents(current: CampaignStatus): CampaignEvent[] {
  return Object.keys(TRANSITIONS[current]) as CampaignEvent[];
}

export function isCampaignStatus(value: string): value is CampaignStatus {
  return (CAMPAIGN_STATUSES as readonly string[]).includes(value);
}

/** Only a running campaign sends and polls its report; a scheduled one enrolls (status Scheduled) but does not send. */
export function isCampaignEnrolling(status: CampaignStatus): boolean {
  return status === 'running' || status === 'scheduled';
}

export function isCampaignTerminal(status: CampaignStatus): boolean {
  return status === 'ended' || status === 'canceled';
}

/** The words the UI shows for an event. */
export const CAMPAIGN_EVENT_LABELS: Readonly<Record<CampaignEvent, string>> = {
  schedule: 'Schedule',
  start: 'Start now',
  pause: 'Pause',
  resume: 'Resume',
  end: 'End',
  cancel: 'Cancel',
  unschedule: 'Back to draft',
};
