import { randomBytes } from 'node:crypto';
import { findAssistant, listCampaignRows, type CeAssistantRow, type CeCampaignRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { dueConversations, findPerson, updateConversation, type CeConversationRow, type CePersonRow } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { insertMessage, messagesOfConversation, sentTodayByAssistant } from '../../adapters/db/repositories/conversationalEmail/messagesRepo';
import { SILENCE_DAYS_AFTER_LAST_TOUCHPOINT, silentOutcome } from '../../domain/conversationalEmail/conversationStatus';
import { renderTemplate } from '../../domain/conversationalEmail/mergeFields';
import { DAY_MS, nextBusinessInstant, sendsAllowedNow } from '../../domain/conversationalEmail/schedule';
import { parseBusinessHours, parseSteps, type SequenceStep } from '../../domain/conversationalEmail/sequence';
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
 * each assistant's daily cap. A permanent SMTP failure is a bounce (the conversation ends as Bounced); a temporary one
 * is retried later. After the last touchpoint plus a few days a silent conversation ends as Stopped Responding or
 * Unresponsive.
 */
export async function sendDueEmails({ orgId }: { orgId: string }, deps: CeDeps): Promise<SendResultCounts> {
  const counts: SendResultCounts = { sent: 0, bounced: 0, deferred: 0, concluded: 0 };
  const now = deps.clock.now();
  const dayStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const campaigns = await listCampaignRows(deps.db, orgId, ['running']);
  const sentByAssistant = new Map<string, number>();
  for (const campaign of campaigns) {
    const assistant = await findAssistant(deps.db, orgId, campaign.assistantId);
    if (!assistant) continue;
    const steps = parseSteps(campaign.mainSequence);
    const hours = parseBusinessHours(campaign.businessHours);
    if (!sentByAssistant.has(assistant.id)) sentByAssistant.set(assistant.id, await sentTodayByAssistant(deps.db, orgId, assistant.id, dayStart, new Date(dayStart.getTime() + DAY_MS)));
    const allowed = sendsAllowedNow({ dailyCap: assistant.dailySendCap, sentToday: sentByAssistant.get(assistant.id) ?? 0, now, hours });
    const due = await dueConversations(deps.db, orgId, campaign.id, now, Math.max(allowed, 0) + 50);
    let budget = allowed;
    for (const conversation of due) {
      const person = await findPerson(deps.db, orgId, conversation.personId);
      if (!person) continue;
      if (conversation.nextStep >= steps.length) {
        await concludeSilent(orgId, conversation, person, campaign, deps);
        counts.concluded += 1;
        continue;
      }
      if (budget <= 0) continue;
      const step = steps[conversation.nextStep] as SequenceStep;
      const outcome = await sendStep(orgId, { campaign, assistant, conversation, person, step, steps, hours }, deps);
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

interface StepContext {
  readonly campaign: CeCampaignRow;
  readonly assistant: CeAssistantRow;
  readonly conversation: CeConversationRow;
  readonly person: CePersonRow;
  readonly step: SequenceStep;
  readonly steps: readonly SequenceStep[];
  readonly hours: ReturnType<typeof parseBusinessHours>;
}

async function sendStep(orgId: string, context: StepContext, deps: CeDeps): Promise<'sent' | 'bounced' | 'deferred'> {
  const { campaign, assistant, conversation, person, step, steps, hours } = context;
  const now = deps.clock.now();
  const values = { ...person.fields, FirstName: person.firstName, LastName: person.lastName, Email: person.email };
  const subject = renderTemplate(step.subject, values).text;
  const body = renderTemplate(step.body, values).text;
  const text = assistant.signature ? `${body}\n\n${assistant.signature}` : body;
  const domain = assistant.email.split('@')[1] ?? 'openabm.local';
  const messageId = `<ce.${conversation.id}.${conversation.nextStep}.${randomBytes(4).toString('hex')}@${domain}>`;
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
    conversationId: conversation.id, assistantId: assistant.id, direction: 'outbound', kind: 'sequence', messageId: result.messageId, inReplyTo: earlier[earlier.length - 1] ?? null,
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
  // After the last e-mail the conversation waits a few days for an answer before it concludes.
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
