import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { findCrmConnection, findCrmApiUsage, updateCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { ceReportIds, type SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { usageDay } from '../../domain/budget/apiAllowance';
import type { ReplyClassifier } from '../../domain/conversationalEmail/classifyReply';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { CE_TEST_START, ceOrg, startCeEmulator, type TestClock } from './ceTestKit';
import { changeCampaignStatus } from './changeCampaignStatus';
import { flushCeWrites } from './flushCeWrites';
import { getConversation } from './getConversation';
import { listConversations } from './listConversations';
import { listReviewTasks } from './listReviewTasks';
import { pauseConversations } from './pauseConversations';
import { pollCampaignReport } from './pollCampaignReport';
import { receiveInboundEmail } from './receiveInboundEmail';
import { resolveReviewTask } from './resolveReviewTask';
import { sendConversationNow } from './sendConversationNow';
import { sendDueEmails } from './sendDueEmails';

const DAY_MS = 86_400_000;
const ALWAYS_OPEN = { timeZone: 'UTC', startHour: 0, endHour: 24, weekdays: [1, 2, 3, 4, 5, 6, 7] };
const WEEKENDS_ONLY = { timeZone: 'UTC', startHour: 9, endHour: 17, weekdays: [6, 7] };

/**
 * What happens to one conversation after enrollment: follow-up sequences, pause and resume, out-of-office, human
 * review, "Send now", the assistant's daily cap in its own time zone, and CE polling giving way to the CRM sync's share
 * of the API budget. Salesforce emulator and fake clock.
 */
describe.each(testDatabaseKinds())('Conversational Email conversation actions on %s', (kind) => {
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

  /** A running campaign whose report was polled once: everyone enrolled, nothing sent yet. */
  async function runningCampaign(options: Parameters<typeof ceOrg>[4] = {}) {
    clock.set(CE_TEST_START);
    const context = await ceOrg(database, emulator, clock, ceReportIds.webinarLeads, options);
    const { org, deps, actor, campaign } = context;
    await changeCampaignStatus({ orgId: org.orgId, actor, input: { campaignId: campaign.id, event: 'start' } }, deps);
    await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps);
    const conversations = (await listConversations({ orgId: org.orgId, actor, input: { campaignId: campaign.id, page: 1, pageSize: 100 } }, deps)).items;
    return { ...context, conversations };
  }
  const thread = async (context: Awaited<ReturnType<typeof runningCampaign>>, conversationId: string) =>
    getConversation({ orgId: context.org.orgId, actor: context.actor, input: { conversationId } }, context.deps);
  const lead = (id: string) => emulator.state.get('Lead', id);

  it('starts the follow-up sequence when the main sequence ends without an answer, then concludes as Unresponsive', async () => {
    const context = await runningCampaign({
      campaign: {
        mainSequence: [{ subject: 'Hello {{FirstName}}', body: 'Hi {{FirstName}}, a demo?', delayDays: 0 }],
        followUpSequences: [{ name: 'Nudge', steps: [{ subject: 'Still there, {{FirstName}}?', body: 'One more note.', delayDays: 2 }] }],
        businessHours: ALWAYS_OPEN,
      },
    });
    const { org, deps, mailer, conversations } = context;
    const count = conversations.length;
    expect((await sendDueEmails({ orgId: org.orgId }, deps)).sent).toBe(count);
    clock.advance(3 * DAY_MS); // the wait for an answer after the last e-mail of the main sequence
    expect(await sendDueEmails({ orgId: org.orgId }, deps)).toMatchObject({ sent: 0, concluded: 0 });
    const waiting = await thread(context, conversations[0]?.id ?? '');
    expect(waiting).toMatchObject({ sequence: 'Follow-up: Nudge', status: 'pending_contact_response' });
    clock.advance(2 * DAY_MS);
    expect((await sendDueEmails({ orgId: org.orgId }, deps)).sent).toBe(count);
    expect(mailer.outbox.filter((mail) => mail.subject.startsWith('Still there,'))).toHaveLength(count);
    expect((await thread(context, conversations[0]?.id ?? '')).messages.map((message) => message.kind)).toEqual(['sequence', 'follow_up']);
    clock.advance(3 * DAY_MS);
    expect((await sendDueEmails({ orgId: org.orgId }, deps)).concluded).toBe(count);
    expect((await thread(context, conversations[0]?.id ?? '')).status).toBe('unresponsive');
  }, 60_000);

  it('pauses a conversation (Salesforce status paused, nothing sent), skips ended ones, and sends again after resume', async () => {
    const context = await runningCampaign({ campaign: { businessHours: ALWAYS_OPEN } });
    const { org, deps, actor, conversations, mailer } = context;
    const [paused, other] = conversations;
    if (!paused || !other) throw new Error('the webinar report has fewer than two leads');
    const result = await pauseConversations({ orgId: org.orgId, actor, input: { conversationIds: [paused.id], action: 'pause' } }, deps);
    expect(result).toEqual({ changedIds: [paused.id], skipped: [] });
    await sendDueEmails({ orgId: org.orgId }, deps);
    expect(mailer.outbox.some((mail) => mail.to[0] === paused.email)).toBe(false);
    await flushCeWrites({ orgId: org.orgId }, deps);
    expect(lead(paused.crmId)?.openabm_ce_status__c).toBe('paused');
    expect(await pauseConversations({ orgId: org.orgId, actor, input: { conversationIds: [other.id], action: 'resume' } }, deps)).toEqual({ changedIds: [], skipped: [{ conversationId: other.id, reason: 'Only paused conversations can be resumed.' }] });

    // An ended conversation is skipped by a bulk pause.
    await receiveInboundEmail({ orgId: org.orgId, input: { from: other.email, to: [(await thread(context, other.id)).replyTo], cc: [], subject: 'Re: hi', text: 'Not interested, thanks.', headers: {} } }, deps);
    const bulk = await pauseConversations({ orgId: org.orgId, actor, input: { conversationIds: [other.id, paused.id], action: 'pause' } }, deps);
    expect(bulk.skipped).toEqual([{ conversationId: other.id, reason: 'An ended conversation cannot be paused.' }, { conversationId: paused.id, reason: 'Already paused.' }]);

    await pauseConversations({ orgId: org.orgId, actor, input: { conversationIds: [paused.id], action: 'resume' } }, deps);
    await sendDueEmails({ orgId: org.orgId }, deps);
    expect(mailer.outbox.some((mail) => mail.to[0] === paused.email)).toBe(true);
    await flushCeWrites({ orgId: org.orgId }, deps);
    expect(lead(paused.crmId)?.openabm_ce_status__c).toBe('in_progress');
  }, 60_000);

  it('holds the next e-mail after an out-of-office reply until the return date, then sends it', async () => {
    const context = await runningCampaign();
    const { org, deps, conversations, mailer } = context;
    await sendDueEmails({ orgId: org.orgId }, deps);
    const away = conversations[0];
    if (!away) throw new Error('no conversation');
    const reply = await receiveInboundEmail({ orgId: org.orgId, input: { from: away.email, to: [(await thread(context, away.id)).replyTo], cc: [], subject: 'Automatic reply: Quick question', text: 'I am out of the office until 2026-03-11 with limited access to e-mail.', headers: {} } }, deps);
    expect(reply).toMatchObject({ intent: 'out_of_office', status: 'pending_contact_response' });
    expect((await thread(context, away.id)).resumeAfter).toBe('2026-03-12T09:00:00.000Z');
    const followUps = () => mailer.outbox.filter((mail) => mail.to[0] === away.email && mail.subject === 'Following up');
    clock.set(new Date('2026-03-05T10:00:00Z')); // the second e-mail's day for everyone else
    await sendDueEmails({ orgId: org.orgId }, deps);
    expect(followUps()).toHaveLength(0);
    clock.set(new Date('2026-03-12T09:30:00Z'));
    await sendDueEmails({ orgId: org.orgId }, deps);
    expect(followUps()).toHaveLength(1);
  }, 60_000);

  it('puts unrecognised and low-confidence replies on the review list and closes a task with the outcome a person picks', async () => {
    const unsure: ReplyClassifier = { classify: async (reply) => (reply.text.includes('maybe') ? { intent: 'qualified', matchedRule: 'model', confidence: 0.4 } : { intent: 'other', matchedRule: 'model' }) };
    const context = await runningCampaign({ extra: { replyClassifier: unsure } });
    const { org, deps, actor, conversations, mailer } = context;
    await sendDueEmails({ orgId: org.orgId }, deps);
    const [puzzling, hesitant] = conversations;
    if (!puzzling || !hesitant) throw new Error('the webinar report has fewer than two leads');
    await receiveInboundEmail({ orgId: org.orgId, input: { from: puzzling.email, to: [(await thread(context, puzzling.id)).replyTo], cc: [], subject: 'Re: Quick question', text: 'Who gave you my address?', headers: {} } }, deps);
    clock.advance(60_000); // the list is oldest first: the second reply comes a minute later
    await receiveInboundEmail({ orgId: org.orgId, input: { from: hesitant.email, to: [(await thread(context, hesitant.id)).replyTo], cc: [], subject: 'Re: Quick question', text: 'maybe later?', headers: {} } }, deps);
    const tasks = await listReviewTasks({ orgId: org.orgId, actor }, deps);
    expect(tasks.items.map((task) => [task.email, task.reason])).toEqual([
      [puzzling.email, 'The reply needs a person: no rule recognised it'],
      [hesitant.email, 'Low confidence (40%) that the reply means qualified'],
    ]);
    expect(tasks.items[0]?.replyText).toContain('Who gave you my address?');

    const mailsBefore = mailer.outbox.length;
    expect(await resolveReviewTask({ orgId: org.orgId, actor, input: { conversationId: hesitant.id, outcome: 'qualified' } }, deps)).toEqual({ status: 'qualified' });
    expect(mailer.outbox.slice(mailsBefore).map((mail) => mail.cc)).toContainEqual(['avery.morgan@openabm-demo.example']);
    await resolveReviewTask({ orgId: org.orgId, actor, input: { conversationId: puzzling.id, outcome: 'stopped_responding' } }, deps);
    await expect(resolveReviewTask({ orgId: org.orgId, actor, input: { conversationId: puzzling.id, outcome: 'canceled' } }, deps)).rejects.toThrow('This conversation has no open review task.');
    expect((await listReviewTasks({ orgId: org.orgId, actor }, deps)).items).toEqual([]);
    await flushCeWrites({ orgId: org.orgId }, deps);
    expect(lead(hesitant.crmId)?.openabm_ce_status__c).toBe('qualified');
    expect(lead(puzzling.crmId)?.openabm_ce_status__c).toBe('stopped_responding');
    expect((await thread(context, puzzling.id)).reviewedBy).toMatch(/@/);
  }, 60_000);

  it('sends the next e-mail now outside business hours, but not for a paused conversation nor past the daily cap', async () => {
    const context = await runningCampaign({ campaign: { businessHours: WEEKENDS_ONLY }, assistant: { dailySendCap: 1 } });
    const { org, deps, actor, conversations, mailer } = context;
    const [first, second] = conversations;
    if (!first || !second) throw new Error('the webinar report has fewer than two leads');
    expect((await sendDueEmails({ orgId: org.orgId }, deps)).sent).toBe(0);
    await pauseConversations({ orgId: org.orgId, actor, input: { conversationIds: [second.id], action: 'pause' } }, deps);
    await expect(sendConversationNow({ orgId: org.orgId, actor, input: { conversationId: second.id } }, deps)).rejects.toThrow('This conversation is paused: resume it first.');
    expect(await sendConversationNow({ orgId: org.orgId, actor, input: { conversationId: first.id } }, deps)).toEqual({ outcome: 'sent' });
    expect(mailer.outbox.filter((mail) => mail.to[0] === first.email)).toHaveLength(1);
    expect((await thread(context, first.id)).nextSendAt).toBe('2026-03-07T09:00:00.000Z');
    await pauseConversations({ orgId: org.orgId, actor, input: { conversationIds: [second.id], action: 'resume' } }, deps);
    await expect(sendConversationNow({ orgId: org.orgId, actor, input: { conversationId: second.id } }, deps)).rejects.toMatchObject({ code: 'limit_reached', message: 'Ava Assistant reached its daily cap of 1 e-mails (its day in UTC).' });
  }, 60_000);

  it("counts the assistant's daily cap in the assistant's own day, not the UTC day", async () => {
    // 10:00 UTC on 2 March is 02:00 in Los Angeles; 05:00 UTC on 3 March is still 2 March there.
    const context = await runningCampaign({ campaign: { businessHours: ALWAYS_OPEN }, assistant: { dailySendCap: 1, timeZone: 'America/Los_Angeles' } });
    const { org, deps } = context;
    expect((await sendDueEmails({ orgId: org.orgId }, deps)).sent).toBe(1);
    clock.set(new Date('2026-03-03T05:00:00Z'));
    expect((await sendDueEmails({ orgId: org.orgId }, deps)).sent).toBe(0);
    clock.set(new Date('2026-03-03T08:30:00Z'));
    expect((await sendDueEmails({ orgId: org.orgId }, deps)).sent).toBe(1);
  }, 60_000);

  it("pauses report polling before it eats into the CRM sync's reserved share of the org's Salesforce budget", async () => {
    const context = await runningCampaign();
    const { org, deps, campaign } = context;
    const connection = await findCrmConnection(deps.db, org.orgId, 'salesforce');
    const used = (await findCrmApiUsage(deps.db, org.orgId, 'salesforce', usageDay(clock.now())))?.callCount ?? 0;
    if (!connection) throw new Error('no Salesforce connection');
    // With 40% kept for the CRM sync, CE may use 60% of the allowance: set it so that share is already used.
    await updateCrmConnection(deps.db, org.orgId, connection.id, { dailyApiAllowance: Math.ceil((used * 100) / 60) });
    clock.advance(15 * 60_000);
    const poll = await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps);
    expect(poll).toMatchObject({ outcome: 'paused_budget', reason: "Paused: the org's Salesforce API budget is running low; 40% is kept for the CRM sync. Polling resumes when the budget renews." });
    await updateCrmConnection(deps.db, org.orgId, connection.id, { dailyApiAllowance: used * 10 });
    expect((await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps)).outcome).toBe('paused_budget');
    clock.advance(DAY_MS);
    expect((await pollCampaignReport({ orgId: org.orgId, input: { campaignId: campaign.id } }, deps)).outcome).toBe('polled');
  }, 60_000);
});
