import { randomBytes } from 'node:crypto';
import { findAssistant, listCampaignRows, type CeAssistantRow, type CeCampaignRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { dueConversations, findPerson, updateConversation, type CeConversationRow, type CePersonRow } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { insertMessage, messagesOfConversation, sentTodayByAssistant } from '../../adapters/db/repositories/conversationalEmail/messagesRepo';
import { SILENCE_DAYS_AFTER_LAST_TOUCHPOINT, silentOutcome } from '../../domain/conversationalEmail/conversationStatus';
import { renderTemplate } from '../../domain/conversationalEmail/mergeFields';
import { DAY_MS, localDayBounds, nextBusinessInstant, sendsAllowedNow } from '../../domain/conversationalEmail/schedule';
import { afterSequenceEnds, parseBusinessHours, parseFollowUps, parseSteps, stepsInPlay, type FollowUpSequence, type SequenceStep } from '../../domain/conversationalEmail/sequence';
import { requestWriteback, type CeDeps } from './ceDeps';
import { fieldWrite, journalPersonWrites, taskWrite } from './journalWrites';
import { replyToAddress } from './mailAddresses';

export interface SendResultCounts {
  sent: number;
  bounced: number;
  deferred: number;
  concluded: number;
}

const RETRY_TEMPORARY_FAILURE_MS = 15 * 60 * 1000;

/**
 * Sends the e-mails that are due in the org's running campaigns: inside business hours, spread over the window by
 * each assistant's daily cap (counted in the assistant's own day). A permanent SMTP failure is a bounce (the
 * conversation ends as Bounced); a temporary one is retried later. After the last touchpoint plus a few days a silent
 * conversation starts the next follow-up sequence, or ends as Stopped Responding or Unresponsive.
 */
export async function sendDueEmails({ orgId }: { orgId: string }, deps: CeDeps): Promise<SendResultCounts> {
  const counts: SendResultCounts = { sent: 0, bounced: 0, deferred: 0, concluded: 0 };
  const now = deps.clock.now();
  const campaigns = await listCampaignRows(deps.db, orgId, ['running']);
  const sentByAssistant = new Map<string, number>();
  for (const campaign of campaigns) {
    const assistant = await findAssistant(deps.db, orgId, campaign.assistantId);
    if (!assistant) continue;
    const sequences = { main: parseSteps(campaign.mainSequence), followUps: parseFollowUps(campaign.followUpSequences) };
    const hours = parseBusinessHours(campaign.businessHours);
    if (!sentByAssistant.has(assistant.id)) sentByAssistant.set(assistant.id, await assistantSentToday(orgId, assistant, deps));
    const allowed = sendsAllowedNow({ dailyCap: assistant.dailySendCap, sentToday: sentByAssistant.get(assistant.id) ?? 0, now, hours });
    const due = await dueConversations(deps.db, orgId, campaign.id, now, Math.max(allowed, 0) + 50);
    let budget = allowed;
    for (const dueConversation of due) {
      const person = await findPerson(deps.db, orgId, dueConversation.personId);
      if (!person) continue;
      const conversation = await advancePastFinishedSequence(orgId, dueConversation, person, campaign, sequences, hours, deps);
      if (!conversation) {
        counts.concluded += 1;
        continue;
      }
      if (budget <= 0 || (conversation.nextSendAt && conversation.nextSendAt > now)) continue;
      const outcome = await sendStep(orgId, { campaign, assistant, conversation, person, sequences, hours }, deps);
      counts[outcome] += 1;
      if (outcome !== 'deferred') {
        budget -= 1;
        sentByAssistant.set(assistant.id, (sentByAssistant.get(assistant.id) ?? 0) + 1);
      }
    }
  }
  if (counts.sent + counts.bounced + counts.concluded > 0) await requestWriteback(orgId, deps);
  return counts;
}

/** E-mails the assistant sent today, "today" being the assistant's own day in its time zone. */
export async function assistantSentToday(orgId: string, assistant: CeAssistantRow, deps: Pick<CeDeps, 'db' | 'clock'>): Promise<number> {
  const day = localDayBounds(deps.clock.now(), assistant.timeZone);
  return sentTodayByAssistant(deps.db, orgId, assistant.id, day.start, day.end);
}

export interface CampaignSequences {
  readonly main: readonly SequenceStep[];
  readonly followUps: readonly FollowUpSequence[];
}

/**
 * A conversation whose sequence has no e-mail left (and whose wait for an answer passed) moves on to the next
 * follow-up sequence when the rules say so (domain/conversationalEmail/sequence.ts), else concludes: undefined.
 */
async function advancePastFinishedSequence(
  orgId: string,
  conversation: CeConversationRow,
  person: CePersonRow,
  campaign: CeCampaignRow,
  sequences: CampaignSequences,
  hours: ReturnType<typeof parseBusinessHours>,
  deps: CeDeps,
): Promise<CeConversationRow | undefined> {
  if (conversation.nextStep < stepsInPlay(sequences.main, sequences.followUps, conversation.followUpIndex).length) return conversation;
  const hasAnswered = conversation.hasReplied && conversation.lastIntent !== 'out_of_office';
  const next = afterSequenceEnds({ followUpIndex: conversation.followUpIndex, followUpCount: sequences.followUps.length, hasAnswered });
  if (next.kind === 'conclude') {
    await concludeSilent(orgId, conversation, person, campaign, deps);
    return undefined;
  }
  const now = deps.clock.now();
  const firstStep = sequences.followUps[next.followUpIndex]?.steps[0];
  const nextSendAt = nextBusinessInstant(new Date(now.getTime() + (firstStep?.delayDays ?? 0) * DAY_MS), hours);
  return updateConversation(deps.db, orgId, conversation.id, { followUpIndex: next.followUpIndex, nextStep: 0, nextSendAt, updatedAt: now });
}

export interface StepContext {
  readonly campaign: CeCampaignRow;
  readonly assistant: CeAssistantRow;
  readonly conversation: CeConversationRow;
  readonly person: CePersonRow;
  readonly sequences: CampaignSequences;
  readonly hours: ReturnType<typeof parseBusinessHours>;
}

/** Sends the conversation's next e-mail now (the caller decided it is due: the schedule, or "Send now"). */
export async function sendStep(orgId: string, context: StepContext, deps: CeDeps): Promise<'sent' | 'bounced' | 'deferred'> {
  const { campaign, assistant, conversation, person, sequences, hours } = context;
  const steps = stepsInPlay(sequences.main, sequences.followUps, conversation.followUpIndex);
  const step = steps[conversation.nextStep];
  if (!step) throw new Error(`conversation ${conversation.id} has no step ${conversation.nextStep}`);
  const stepKey = conversation.followUpIndex === null ? `${conversation.nextStep}` : `f${conversation.followUpIndex}.${conversation.nextStep}`;
  const now = deps.clock.now();
  const values = { ...person.fields, FirstName: person.firstName, LastName: person.lastName, Email: person.email };
  const subject = renderTemplate(step.subject, values).text;
  const body = renderTemplate(step.body, values).text;
  const text = assistant.signature ? `${body}\n\n${assistant.signature}` : body;
  const domain = assistant.email.split('@')[1] ?? 'openabm.local';
  const messageId = `<ce.${conversation.id}.${stepKey}.${randomBytes(4).toString('hex')}@${domain}>`;
  const earlier = (await messagesOfConversation(deps.db, orgId, conversation.id)).map((message) => message.messageId);
  const result = await deps.mailer.send({
    from: `"${assistant.name.replace(/"/g, '')}" <${assistant.email}>`,
    to: [person.email ?? ''],
    replyTo: replyToAddress(assistant.email, conversation.replyToken),
    subject,
    text,
    messageId,
    ...(earlier.length > 0 ? { inReplyTo: earlier[earlier.length - 1], references: earlier } : {}),
    headers: { 'X-Openabm-Conversation': conversation.id },
  });
  if (result.status === 'failed' && !result.isPermanent) {
    await updateConversation(deps.db, orgId, conversation.id, { nextSendAt: new Date(now.getTime() + RETRY_TEMPORARY_FAILURE_MS), updatedAt: now });
    return 'deferred';
  }
  const isBounce = result.status === 'failed';
  await insertMessage(deps.db, orgId, {
    conversationId: conversation.id, assistantId: assistant.id, direction: 'outbound', kind: conversation.followUpIndex === null ? 'sequence' : 'follow_up', messageId: result.messageId, inReplyTo: earlier[earlier.length - 1] ?? null,
    fromAddress: assistant.email, toAddress: person.email ?? '', cc: null, subject, bodyText: text, intent: null, delivery: isBounce ? 'bounced' : 'sent',
    deliveryDetail: isBounce ? `${result.smtpCode ?? ''} ${result.message}`.trim() : result.serverResponse, createdAt: now,
  });
  if (isBounce) {
    await updateConversation(deps.db, orgId, conversation.id, { status: 'bounced', isBounced: true, endedAt: now, nextSendAt: null, updatedAt: now });
    await journalPersonWrites(orgId, [fieldWrite(person, { status: 'bounced' }, deps)], deps);
    return 'bounced';
  }
  const nextIndex = conversation.nextStep + 1;
  const following = steps[nextIndex];
  // After the last e-mail the conversation waits a few days for an answer before a follow-up starts or it concludes.
  const nextSendAt = following ? nextBusinessInstant(new Date(now.getTime() + following.delayDays * DAY_MS), hours) : new Date(now.getTime() + SILENCE_DAYS_AFTER_LAST_TOUCHPOINT * DAY_MS);
  await updateConversation(deps.db, orgId, conversation.id, { status: 'pending_contact_response', nextStep: nextIndex, nextSendAt, updatedAt: now });
  await journalPersonWrites(
    orgId,
    [taskWrite(person, { messageKey: result.messageId, subject: `Email: ${subject}`, body: `To: ${person.email ?? ''}\nFrom: ${assistant.email}\nSubject: ${subject}\n\n${text}` }, deps), fieldWrite(person, { status: 'in_progress', campaign }, deps)],
    deps,
  );
  return 'sent';
}

async function concludeSilent(orgId: string, conversation: CeConversationRow, person: CePersonRow, campaign: CeCampaignRow, deps: CeDeps): Promise<void> {
  const now = deps.clock.now();
  const status = silentOutcome(conversation.hasReplied);
  await updateConversation(deps.db, orgId, conversation.id, { status, endedAt: now, nextSendAt: null, updatedAt: now });
  await journalPersonWrites(orgId, [fieldWrite(person, { status, campaign }, deps)], deps);
}
