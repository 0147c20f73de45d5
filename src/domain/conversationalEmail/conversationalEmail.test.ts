import { describe, expect, it } from 'vitest';
import { nextCampaignStatus, type CampaignEvent, type CampaignStatus } from './campaignState';
import { classifyReplyByRules, type ReplyIntent } from './classifyReply';
import { fieldValuesFor, resolveFieldMap, detectPackages } from './fieldMapping';
import { decideImport, type ImportFacts } from './importRules';
import { renderTemplate } from './mergeFields';
import { checkReportEligibility } from './reportEligibility';
import { sendsAllowedNow } from './schedule';
import { batchedExpectation, specWorstCase } from './estimator';

const RECEIVED = new Date('2026-03-02T10:00:00Z');

describe('reply classification table', () => {
  const table: ReadonlyArray<[string, string, ReplyIntent, Record<string, string>?]> = [
    ['Re: Quick question', "Sounds great, let's set up a call next week.", 'qualified'],
    ['Re: demo', 'Yes, I am interested. Send me some times.', 'qualified'],
    ['Re: hi', 'Not interested, thanks.', 'not_interested'],
    ['Re: hi', 'We already use a vendor for this.', 'not_interested'],
    ['Re: hi', 'Not right now, maybe next quarter.', 'not_interested_now'],
    ['Re: hi', "I'm not interested right now.", 'not_interested_now'],
    ['Re: hi', 'Please remove me from your list.', 'do_not_contact'],
    ['Re: hi', 'Unsubscribe', 'do_not_contact'],
    ['Automatic reply: Quick question', 'I am out of the office until March 16 with limited access to email.', 'out_of_office', { returnDate: '2026-03-16' }],
    ['Out of Office', 'I am on vacation and back on 2026-04-01.', 'out_of_office', { returnDate: '2026-04-01' }],
    ['Re: hi', 'Away until 14 January.', 'other'],
    ['Re: hi', "I'm not the right person; please reach out to my colleague sam@acme.example.", 'wrong_person', { referralEmail: 'sam@acme.example' }],
    ['Re: hi', 'Jordan has left the company.', 'wrong_person'],
    ['Re: hi', 'What does this cost?', 'other'],
    ['Re: hi', 'Thanks!\n\nOn Mon, Ava wrote:\n> Would you be interested in a demo?', 'other'],
  ];
  for (const [subject, text, intent, extra] of table) {
    it(`"${text.split('\n')[0]}" → ${intent}`, () => {
      const result = classifyReplyByRules({ subject, text, receivedAt: RECEIVED });
      expect(result.intent).toBe(intent);
      if (extra) expect(result).toMatchObject(extra);
    });
  }
});

describe('campaign state machine', () => {
  const table: ReadonlyArray<[CampaignStatus, CampaignEvent, CampaignStatus | undefined]> = [
    ['draft', 'start', 'running'],
    ['draft', 'schedule', 'scheduled'],
    ['scheduled', 'start', 'running'],
    ['scheduled', 'unschedule', 'draft'],
    ['running', 'pause', 'paused'],
    ['paused', 'resume', 'running'],
    ['running', 'end', 'ended'],
    ['paused', 'cancel', 'canceled'],
    ['draft', 'pause', undefined],
    ['ended', 'resume', undefined],
    ['canceled', 'start', undefined],
    ['running', 'start', undefined],
  ];
  for (const [from, event, to] of table) it(`${from} --${event}--> ${to ?? 'refused'}`, () => expect(nextCampaignStatus(from, event)).toBe(to));
});

describe('auto-import rules (related-notes §7)', () => {
  const ok: ImportFacts = { firstName: 'Ada', email: 'ada@x.example', isDuplicateInReport: false, isExistingUnderOtherId: false, hasOngoingConversationElsewhere: false, wasInThisCampaign: false, isDoNotContact: false, missingMergeTags: [] };
  const table: ReadonlyArray<[Partial<ImportFacts>, string, string | null]> = [
    [{}, 'enrolled', null],
    [{ firstName: null }, 'unsynced', 'Missing first name'],
    [{ email: '' }, 'unsynced', 'Missing email'],
    [{ firstName: '12345' }, 'import_error', 'First name contains only digits'],
    [{ email: 'ada@@x' }, 'import_error', 'Invalid email'],
    [{ isDuplicateInReport: true }, 'import_error', 'Duplicate lead: another record in the report has the same email'],
    [{ isExistingUnderOtherId: true }, 'import_error', 'Lead already exists: another record with this email was imported before'],
    [{ hasOngoingConversationElsewhere: true }, 'enrollment_error', 'Lead has an ongoing conversation in another campaign'],
    [{ wasInThisCampaign: true }, 'enrollment_error', 'Lead was in current campaign'],
    [{ isDoNotContact: true }, 'enrollment_error', 'Lead is marked Do Not Contact'],
    [{ missingMergeTags: ['Title'] }, 'enrollment_error', 'Missing value for merge tag without fallback: Title'],
  ];
  for (const [change, outcome, reason] of table) it(`${JSON.stringify(change)} → ${outcome}`, () => expect(decideImport({ ...ok, ...change })).toEqual({ outcome, reason }));
});

describe('report eligibility', () => {
  const base = { format: 'TABULAR', reportType: 'LeadList', reportTypeLabel: 'Leads', baseObjects: [], idColumnLabels: ['Lead ID'] };
  it('accepts a Leads report', () => expect(checkReportEligibility(base)).toEqual({ isEligible: true, personObject: 'lead' }));
  it('accepts Contacts & Accounts in matrix format', () => expect(checkReportEligibility({ ...base, format: 'MATRIX', reportType: 'ContactList', idColumnLabels: ['Contact ID'] })).toEqual({ isEligible: true, personObject: 'contact' }));
  it('recognises a custom "Leads & Opportunities" type by its base objects, whatever its name', () =>
    expect(checkReportEligibility({ ...base, reportType: 'Pipeline_People__c', reportTypeLabel: 'Pipeline people', baseObjects: ['Lead', 'Opportunity'] })).toEqual({ isEligible: true, personObject: 'lead' }));
  it('refuses a joined report', () => expect(checkReportEligibility({ ...base, format: 'MULTI_BLOCK' })).toMatchObject({ isEligible: false, reason: expect.stringMatching(/tabular, summary, or matrix/) }));
  it('refuses an Accounts report naming the supported types', () => expect(checkReportEligibility({ ...base, reportType: 'AccountList', reportTypeLabel: 'Accounts' })).toMatchObject({ isEligible: false, reason: expect.stringMatching(/"Accounts" is not supported/) }));
  it('refuses a custom type on other objects', () => expect(checkReportEligibility({ ...base, reportType: 'X__c', reportTypeLabel: 'Leads & Opportunities', baseObjects: ['Account', 'Opportunity'] })).toMatchObject({ isEligible: false }));
});

describe('merge tags, field mapping, pacing, estimate', () => {
  it('uses the fallback and reports a tag without one', () => {
    expect(renderTemplate('Hi {{FirstName}} at {{Company|your team}} {{Title}}', { FirstName: 'Ada' })).toEqual({ text: 'Hi Ada at your team ', missingTags: ['Title'] });
  });
  it('maps onto sw01 fields seen in describe, including the single-underscore spellings, and cuts names to 200', () => {
    const fields = ['sw01_status__c', 'sw01_last_synced_at__c', 'sw01_campaign_name__c', 'sw01_campaign_status__c', 'sw01_campaign_creator_c', 'sw01_campaign_url_c'];
    expect(detectPackages({ lead: fields, contact: fields })).toEqual(['sw01']);
    const map = resolveFieldMap('sw01', { lead: fields, contact: fields });
    const values = fieldValuesFor(map, 'lead', { status: 'qualified', campaignName: 'x'.repeat(250), campaignCreator: 'Ava' }, { isActivitySyncOn: true });
    expect(values).toEqual({ sw01_status__c: 'qualified', sw01_campaign_name__c: 'x'.repeat(200), sw01_campaign_creator_c: 'Ava' });
  });
  it('stops status values but keeps campaign fields when activity sync is off', () => {
    const fields = ['openabm_ce_status__c', 'openabm_ce_campaign_name__c', 'openabm_ce_last_synced_at__c'];
    const map = resolveFieldMap('openabm', { lead: fields, contact: fields });
    expect(fieldValuesFor(map, 'lead', { status: 'qualified', lastSyncedAt: 'now', campaignName: 'C' }, { isActivitySyncOn: false })).toEqual({ openabm_ce_campaign_name__c: 'C' });
  });
  it('spreads a daily cap of 80 over an 8-hour window', () => {
    const hours = { timeZone: 'Europe/Berlin', startHour: 9, endHour: 17, weekdays: [1, 2, 3, 4, 5] };
    expect(sendsAllowedNow({ dailyCap: 80, sentToday: 0, now: new Date('2026-03-02T08:00:00Z'), hours })).toBe(1);
    expect(sendsAllowedNow({ dailyCap: 80, sentToday: 10, now: new Date('2026-03-02T11:59:00Z'), hours })).toBe(30);
    expect(sendsAllowedNow({ dailyCap: 80, sentToday: 0, now: new Date('2026-03-07T11:00:00Z'), hours })).toBe(0);
  });
  it("reproduces the specification's example (2 reports, 500 contacts each, 5 e-mails: about 22,000 calls a month)", () => {
    const worst = specWorstCase({ watchedReports: 2, contacts: 1000, emailsInMainSequence: 5, days: 30, isActivitySyncOn: true });
    expect(worst).toMatchObject({ reportCalls: 12_000, importCalls: 4_000, activityCalls: 5_000, completionCalls: 1_000, totalCalls: 22_000 });
    expect(batchedExpectation({ watchedReports: 2, contacts: 1000, emailsInMainSequence: 5, days: 30, isActivitySyncOn: true }).totalCalls).toBe(5760 + 10 + 25 + 5);
  });
});
