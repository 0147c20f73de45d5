import { randomBytes } from 'node:crypto';
import type { CeAssistantRow, CeCampaignRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { setPersonOwnerEmail, updateConversation, type CeConversationRow, type CePersonRow } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { insertMessage } from '../../adapters/db/repositories/conversationalEmail/messagesRepo';
import type { ReplyClassification } from '../../domain/conversationalEmail/classifyReply';
import { REVIEW_CONFIDENCE_THRESHOLD, type ConversationStatus } from '../../domain/conversationalEmail/conversationStatus';
import { nextBusinessInstant, DAY_MS } from '../../domain/conversationalEmail/schedule';
import { parseBusinessHours } from '../../domain/conversationalEmail/sequence';
import { campaignUrl, type CeDeps } from './ceDeps';
import { fieldWrite, journalPersonWrites, taskWrite } from './journalWrites';
import { replyToAddress } from './mailAddresses';

export interface ReplyContext {
  readonly conversation: CeConversationRow;
  readonly person: CePersonRow;
  readonly campaign: CeCampaignRow;
  readonly assistant: CeAssistantRow | undefined;
  readonly classification: ReplyClassification;
  readonly replySubject: string;
  readonly replyMessageId: string;
}

const OUT_OF_OFFICE_DEFAULT_DAYS = 7;

/**
 * What a classified reply does: qualified → hand-off to the owner (sales rep cc'd; owner set when blank) and the
 * conversation ends; not interested (now) and do-not-contact end it (DNC also sets the mapped field); out of office
 * resumes after the return date; wrong person / referral and anything else open a human-review task for the owner.
 */
export async function applyReplyOutcome(orgId: string, context: ReplyContext, deps: CeDeps): Promise<ConversationStatus> {
  const { conversation, person, campaign, classification } = context;
  const now = deps.clock.now();
  const end = async (status: ConversationStatus, extra: Partial<CeConversationRow> = {}) => {
    await updateConversation(deps.db, orgId, conversation.id, { status, endedAt: now, nextSendAt: null, updatedAt: now, ...extra });
    return status;
  };
  if (classification.confidence !== undefined && classification.confidence < REVIEW_CONFIDENCE_THRESHOLD && classification.intent !== 'other') {
    const reason = `Low confidence (${Math.round(classification.confidence * 100)}%) that the reply means ${classification.intent.replace(/_/g, ' ')}`;
    return openReview(orgId, context, reason, deps);
  }
  switch (classification.intent) {
    case 'qualified': {
      const rep = person.ownerEmail ?? context.assistant?.handoffRepEmail ?? null;
      await sendHandoff(orgId, context, rep, deps);
      const isOwnerBlank = !person.ownerEmail && rep !== null;
      if (isOwnerBlank && rep) await setPersonOwnerEmail(deps.db, orgId, person.id, rep, now);
      await journalPersonWrites(orgId, [fieldWrite(person, { status: 'qualified', ...(isOwnerBlank && rep ? { ownerEmail: rep } : {}) }, deps)], deps);
      return end('qualified');
    }
    case 'not_interested':
    case 'not_interested_now':
      await journalPersonWrites(orgId, [fieldWrite(person, { status: classification.intent }, deps)], deps);
      return end(classification.intent);
    case 'do_not_contact':
      await journalPersonWrites(orgId, [fieldWrite(person, { status: 'not_interested', isDoNotContact: true }, deps)], deps);
      return end('not_interested');
    case 'out_of_office': {
      const hours = parseBusinessHours(campaign.businessHours);
      const back = classification.returnDate ? new Date(`${classification.returnDate}T00:00:00Z`).getTime() + DAY_MS : now.getTime() + OUT_OF_OFFICE_DEFAULT_DAYS * DAY_MS;
      const resumeAfter = nextBusinessInstant(new Date(Math.max(back, now.getTime())), hours);
      const nextSendAt = conversation.nextSendAt && conversation.nextSendAt > resumeAfter ? conversation.nextSendAt : resumeAfter;
      await updateConversation(deps.db, orgId, conversation.id, { resumeAfter, nextSendAt, updatedAt: now });
      return conversation.status === 'scheduled' ? 'scheduled' : 'pending_contact_response';
    }
    case 'wrong_person':
    case 'other': {
      const reason = classification.intent === 'wrong_person'
        ? `Wrong person${classification.referralEmail ? `; referral to ${classification.referralEmail}` : ''}`
        : 'The reply needs a person: no rule recognised it';
      return openReview(orgId, context, reason, deps);
    }
  }
}

/** A human-review task: the owner is e-mailed, the status field reads human_review, the conversation waits for a person. */
async function openReview(orgId: string, context: ReplyContext, reason: string, deps: CeDeps): Promise<ConversationStatus> {
  const now = deps.clock.now();
  await notifyReviewer(orgId, context, reason, deps);
  await journalPersonWrites(orgId, [fieldWrite(context.person, { status: 'human_review' }, deps)], deps);
  await updateConversation(deps.db, orgId, context.conversation.id, { status: 'human_review', reviewReason: reason, endedAt: now, nextSendAt: null, updatedAt: now });
  return 'human_review';
}

async function sendHandoff(orgId: string, context: ReplyContext, rep: string | null, deps: CeDeps): Promise<void> {
  const { assistant, person, conversation } = context;
  if (!assistant || !person.email) return;
  const now = deps.clock.now();
  const firstName = person.firstName ?? 'there';
  const text = `Hi ${firstName},\n\nThank you for getting back to me. ${rep ? `I'm copying ${rep}, who will reach out to find a time that works for you.` : 'A colleague will reach out shortly to find a time that works for you.'}\n\n${assistant.signature}`.trim();
  const subject = /^re:/i.test(context.replySubject) ? context.replySubject : `Re: ${context.replySubject}`;
  const domain = assistant.email.split('@')[1] ?? 'openabm.local';
  const result = await deps.mailer.send({
    from: `"${assistant.name.replace(/"/g, '')}" <${assistant.email}>`,
    to: [person.email],
    ...(rep ? { cc: [rep] } : {}),
    replyTo: replyToAddress(assistant.email, conversation.replyToken),
    subject,
    text,
    messageId: `<ce.${conversation.id}.handoff.${randomBytes(4).toString('hex')}@${domain}>`,
    inReplyTo: context.replyMessageId,
    references: [context.replyMessageId],
  });
  await insertMessage(deps.db, orgId, {
    conversationId: conversation.id, assistantId: assistant.id, direction: 'outbound', kind: 'handoff', messageId: result.messageId, inReplyTo: context.replyMessageId,
    fromAddress: assistant.email, toAddress: person.email, cc: rep, subject, bodyText: text, intent: null, delivery: result.status === 'accepted' ? 'sent' : 'bounced',
    deliveryDetail: result.status === 'accepted' ? result.serverResponse : result.message, createdAt: now,
  });
  if (result.status === 'accepted') await journalPersonWrites(orgId, [taskWrite(person, { messageKey: result.messageId, subject: `Email: ${subject}`, body: text }, deps)], deps);
}

/** "Human review: owner emailed on each new task" (related-notes §7). */
async function notifyReviewer(orgId: string, context: ReplyContext, reason: string, deps: CeDeps): Promise<void> {
  const to = context.person.ownerEmail ?? context.assistant?.handoffRepEmail;
  if (!to) return;
  const name = [context.person.firstName, context.person.lastName].filter(Boolean).join(' ') || (context.person.email ?? 'A lead');
  await deps.mailer.send({
    to: [to],
    subject: `Human review: ${name} replied to "${context.campaign.name}"`,
    text: `${name} (${context.person.email ?? ''}) replied in the campaign "${context.campaign.name}".\n\nWhy it needs you: ${reason}.\n\nOpen the conversation: ${campaignUrl(deps, context.campaign.id)}?conversation=${context.conversation.id}\n\nopenabm`,
  });
}
