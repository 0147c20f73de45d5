/** Badge colours for campaign and conversation states. */
export const CAMPAIGN_STATUS_COLORS: Readonly<Record<string, string>> = { draft: 'gray', scheduled: 'blue', running: 'green', paused: 'yellow', ended: 'dark', canceled: 'red' };

export const CONVERSATION_STATUS_COLORS: Readonly<Record<string, string>> = {
  scheduled: 'gray', pending_contact_response: 'blue', pending_ai_response: 'blue', paused: 'yellow', bounced: 'red', canceled: 'dark', human_review: 'orange',
  not_interested: 'gray', not_interested_now: 'gray', qualified: 'green', stopped_responding: 'gray', unresponsive: 'gray',
};
