import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { addWebinarLead, ceReportIds, setObjectAccess, setUserPermission, type SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { createTestOrg } from '../../test/createTestOrg';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../test/sandboxSalesforce';
import { RecordingJobQueue } from '../../test/testApp';
import { changeCampaignStatus } from './changeCampaignStatus';
import { ceOrg, startCeEmulator, type TestClock } from './ceTestKit';
import { flushCeWrites } from './flushCeWrites';
import { getCampaign } from './getCampaign';
import { getConversation } from './getConversation';
import { listConversations } from './listConversations';
import { pollCampaignReport } from './pollCampaignReport';
import { receiveInboundEmail } from './receiveInboundEmail';
import { runPreflight } from './runPreflight';
import { sendDueEmails } from './sendDueEmails';

const DAY_MS = 86_400_000;

/** Conversational Email end to end against the Salesforce emulator with a fake clock shared by both sides. */
describe.each(testDatabaseKinds())('Conversational Email with Salesforce on %s', (kind) => {
  let database: Database;
  let emulator: SalesforceEmulator;
  let clock: TestClock;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ emulator, clock } = await startCeEmulator());
  }, 60_000);
  afterAll(async () => {
    await emulator.close();
    await database.close();
  });

  const tasksFor = (whoId: string) => emulator.state.records('Task').filter((task) => task.WhoId === whoId);
  const lead = (id: string) => emulator.state.get('Lead', id);

  it('enrolls exactly the new people of a growing report, sends, classifies a qualified reply and writes fields, Tasks and DNC back', async () => {
    const { org, deps, actor, setup, campaign, mailer } = await ceOrg(database, emulator, clock, ceReportIds.webinarLeads);
    expect(setup.createdFields).toContain('Lead.openabm_ce_status__c');
    await changeCampaignStatus({ orgId: org.orgId, actor, input: { campaignId: campaign.id, event: 'start' } }, deps);

    const first = await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps);
    const webinarCount = emulator.state.records('Lead').filter((record) => record.LeadSource === 'Webinar').length;
    expect(first.counts.enrolled).toBe(webinarCount);

    const newcomer = addWebinarLead(emulator.state);
    const withoutEmail = addWebinarLead(emulator.state, { Email: null });
    clock.advance(15 * 60_000);
    const second = await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps);
    expect(second.newRows).toBe(2);
    expect(second.counts).toEqual({ enrolled: 1, unsynced: 1, import_error: 0, enrollment_error: 0 });
    const list = await listConversations({ orgId: org.orgId, actor, input: { campaignId: campaign.id, page: 1, pageSize: 50 } }, deps);
    expect(list.items.map((item) => item.crmId)).toContain(newcomer.Id);
    expect(list.problems).toEqual([expect.objectContaining({ crmId: withoutEmail.Id, outcomeLabel: 'Unsynced', reason: 'Missing email' })]);

    await flushCeWrites({ orgId: org.orgId }, deps);
    expect(lead(newcomer.Id)?.openabm_ce_status__c).toBe('not_started');
    expect(lead(newcomer.Id)?.openabm_ce_campaign_name__c).toBe('Webinar follow-up');

    const sent = await sendDueEmails({ orgId: org.orgId }, deps);
    expect(sent.sent).toBe(webinarCount + 1);
    const toNewcomer = mailer.outbox.find((mail) => mail.to[0] === String(newcomer.Email));
    expect(toNewcomer?.subject).toBe(`Quick question, ${String(newcomer.FirstName)}`);
    expect(toNewcomer?.replyTo).toMatch(/^ava\.[^+]+\+[a-z0-9]+@openabm-demo\.example$/);
    await flushCeWrites({ orgId: org.orgId }, deps);
    const [sentTask] = tasksFor(newcomer.Id);
    expect(sentTask).toMatchObject({ Subject: `Email: Quick question, ${String(newcomer.FirstName)}`, Status: 'Completed', Priority: 'Normal', TaskSubtype: 'Email', ActivityDate: '2026-03-02' });
    expect(lead(newcomer.Id)?.openabm_ce_status__c).toBe('in_progress');

    // The lead answers through the reply-to address: qualified, hand-off with the sales rep cc'd.
    const reply = await receiveInboundEmail({ orgId: undefined, input: { from: String(newcomer.Email), to: [toNewcomer?.replyTo ?? ''], cc: [], subject: `Re: ${toNewcomer?.subject ?? ''}`, text: "Sounds great, let's set up a call next week.\n\nOn Mon, Ava wrote:\n> Would you like a demo?", headers: { 'message-id': '<reply-1@lead.example>', 'in-reply-to': toNewcomer?.messageId ?? '' } } }, deps);
    expect(reply).toMatchObject({ kind: 'reply', intent: 'qualified', status: 'qualified' });
    const handoff = mailer.outbox.at(-1);
    expect(handoff?.cc).toEqual(['avery.morgan@openabm-demo.example']);
    await flushCeWrites({ orgId: org.orgId }, deps);
    expect(lead(newcomer.Id)?.openabm_ce_status__c).toBe('qualified');
    expect(tasksFor(newcomer.Id).map((task) => task.Subject)).toEqual(expect.arrayContaining([expect.stringMatching(/^Reply: Re: Quick question/)]));

    // Another lead asks not to be contacted, found through In-Reply-To only: the DNC field is set.
    const other = list.items.find((item) => item.crmId !== newcomer.Id);
    const toOther = mailer.outbox.find((mail) => mail.to[0] === other?.email);
    const dnc = await receiveInboundEmail({ orgId: org.orgId, input: { from: other?.email ?? '', to: ['someone@elsewhere.example'], cc: [], subject: 'Re: hi', text: 'Please remove me from your list.', headers: { 'in-reply-to': toOther?.messageId ?? '' } } }, deps);
    expect(dnc).toMatchObject({ kind: 'reply', intent: 'do_not_contact', status: 'not_interested' });
    await flushCeWrites({ orgId: org.orgId }, deps);
    expect(lead(other?.crmId ?? '')?.openabm_ce_do_not_contact__c).toBe(true);
    expect(lead(other?.crmId ?? '')?.openabm_ce_status__c).toBe('not_interested');

    const view = await getCampaign({ orgId: org.orgId, actor, input: { campaignId: campaign.id } }, deps);
    expect(view.funnel).toMatchObject({ enrolled: webinarCount + 1, sent: webinarCount + 1, replied: 2, qualified: 1, dnc: 1, bounced: 0 });
    const thread = await getConversation({ orgId: org.orgId, actor, input: { conversationId: String(reply.kind === 'reply' ? reply.conversationId : '') } }, deps);
    expect(thread.messages.map((message) => [message.direction, message.kind, message.intent])).toEqual([['outbound', 'sequence', null], ['inbound', 'reply', 'qualified'], ['outbound', 'handoff', null]]);
  }, 60_000);

  it('pauses report polling at the campaign daily cap and resumes the next day', async () => {
    // A lead without e-mail stays Unsynced, so every poll fetches it again: run + fetch = 2 calls a poll.
    addWebinarLead(emulator.state, { Email: null });
    const { org, deps, actor, campaign } = await ceOrg(database, emulator, clock, ceReportIds.webinarLeads, { dailyApiCallCap: 3 });
    await changeCampaignStatus({ orgId: org.orgId, actor, input: { campaignId: campaign.id, event: 'start' } }, deps);
    expect((await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps)).outcome).toBe('polled');
    const capped = await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps);
    expect(capped.outcome).toBe('paused_cap');
    const view = await getCampaign({ orgId: org.orgId, actor, input: { campaignId: campaign.id } }, deps);
    expect(view.api).toMatchObject({ callsToday: 3, dailyCap: 3 });
    expect(view.api.pausedReason).toMatch(/daily cap of 3/);
    clock.advance(DAY_MS);
    const resumed = await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps);
    expect(resumed.outcome).toBe('polled');
    expect((await getCampaign({ orgId: org.orgId, actor, input: { campaignId: campaign.id } }, deps)).api.pausedReason).toBeNull();
  }, 60_000);

  it('resumes a write-back that crashed after Salesforce created the Tasks without creating them twice', async () => {
    let isCrashing = true;
    const { org, deps, actor, campaign } = await ceOrg(database, emulator, clock, ceReportIds.webinarLeads, {
      extra: { ceCrashAfterTaskBatch: () => { if (isCrashing) throw new Error('worker killed'); } },
    });
    await changeCampaignStatus({ orgId: org.orgId, actor, input: { campaignId: campaign.id, event: 'start' } }, deps);
    await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps);
    const sent = await sendDueEmails({ orgId: org.orgId }, deps);
    const people = (await listConversations({ orgId: org.orgId, actor, input: { campaignId: campaign.id, page: 1, pageSize: 50 } }, deps)).items.map((item) => item.crmId);
    const before = people.reduce((sum, id) => sum + tasksFor(id).length, 0);
    await expect(flushCeWrites({ orgId: org.orgId }, deps)).rejects.toThrow('worker killed');
    isCrashing = false;
    const resumed = await flushCeWrites({ orgId: org.orgId }, deps);
    expect(resumed.tasksRecovered).toBe(sent.sent);
    expect(resumed.tasksCreated).toBe(0);
    expect(people.reduce((sum, id) => sum + tasksFor(id).length, 0) - before).toBe(sent.sent);
  }, 60_000);

  it('names each missing item of the pre-flight check when the emulator withholds permissions', async () => {
    const org = await createTestOrg(database);
    const deps = { ...sandboxDeps(database.db, emulator, clock.now()), clock, jobs: new RecordingJobQueue() };
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(deps, actor);
    setUserPermission(emulator.state, 'PermissionsRunReports', false);
    setObjectAccess(emulator.state, 'Task', { read: true, create: false, edit: false });
    try {
      const { preflight } = await runPreflight({ orgId: org.orgId, actor }, { ...deps, mailer: { send: async () => { throw new Error('no mail expected'); } } });
      expect(preflight.isReady).toBe(false);
      expect(preflight.missing).toEqual(['Run Reports', 'Task object: Read and Create and Edit']);
      expect(preflight.warnings[0]).toMatch(/more than 5 applications/);
    } finally {
      setUserPermission(emulator.state, 'PermissionsRunReports', true);
      setObjectAccess(emulator.state, 'Task', { read: true, create: true, edit: true });
    }
  }, 60_000);
});
