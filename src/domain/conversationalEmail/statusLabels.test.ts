import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATUSES } from './campaignState';
import { REPLY_INTENTS } from './classifyReply';
import { CONVERSATION_STATUS_FACTS, CRM_STATUS_VALUES } from './conversationStatus';
import { campaignStatusLabel, crmStatusLabel, fieldModeLabel, replyIntentLabel, writeBackStateLabel } from './statusLabels';

/** Words a person reads: no stored value with underscores, capitalised as the product's pages write them. */
const isWords = (label: string) => !label.includes('_') && /^[A-Z']|^openabm/.test(label);

describe('Conversational Email values in words', () => {
  it('names every campaign state as the product does', () => {
    expect(CAMPAIGN_STATUSES.map(campaignStatusLabel)).toEqual(['Draft', 'Scheduled', 'Running', 'Paused', 'Ended', 'Canceled']);
  });

  it('names every value of the Salesforce status field in words', () => {
    expect(crmStatusLabel('in_progress')).toBe('In Progress');
    expect(crmStatusLabel('not_started')).toBe('Not Started');
    expect(crmStatusLabel('import_error')).toBe('Import Error');
    expect(crmStatusLabel('not_interested_now')).toBe('Not Interested Now');
    for (const value of CRM_STATUS_VALUES) expect(isWords(crmStatusLabel(value)), value).toBe(true);
  });

  it('names each conversation status written as itself with the status label', () => {
    for (const [status, facts] of Object.entries(CONVERSATION_STATUS_FACTS)) if (facts.crmValue === status) expect(crmStatusLabel(status)).toBe(facts.label);
  });

  it('names reply classes, write-back states and field modes in words', () => {
    expect(REPLY_INTENTS.map(replyIntentLabel)).toEqual(['Interested', 'Not Interested', 'Not Interested Now', 'Do Not Contact', 'Out of Office', 'Wrong Person', 'Not Recognised']);
    expect(['pending', 'in_flight', 'done', 'failed'].map(writeBackStateLabel)).toEqual(['Waiting', 'Being written', 'Written', 'Failed']);
    for (const mode of ['openabm', 'sixsense_v2', 'sw01']) expect(isWords(fieldModeLabel(mode)), mode).toBe(true);
  });

  it('turns a value it does not know into words rather than showing it raw', () => {
    expect(crmStatusLabel('opted_out')).toBe('Opted out');
    expect(campaignStatusLabel('archived_by_admin')).toBe('Archived by admin');
  });
});
