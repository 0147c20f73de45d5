import { randomBytes } from 'node:crypto';
import { findAssistant, findCampaign } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { findConversation, findConversationByReplyToken, findPerson, markPersonDoNotContact, updateConversation, type CeConversationRow } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { findOutboundByMessageIds, insertMessage } from '../../adapters/db/repositories/conversationalEmail/messagesRepo';
import { isConversationEnded, isConversationStatus } from '../../domain/conversationalEmail/conversationStatus';
import { isDeliveryStatusNotification, readDsn, type InboundMail } from '../../domain/conversationalEmail/inboundMail';
import { replyClassifierOf, requestWriteback, type CeDeps } from './ceDeps';
import { applyReplyOutcome } from './applyReplyOutcome';
import { fieldWrite, journalPersonWrites, taskWrite } from './journalWrites';
import { bareAddress, messageIdsIn, replyTokensIn } from './mailAddresses';

export type InboundOutcome =
  | { readonly kind: 'unmatched' }
  | { readonly kind: 'bounce'; readonly conversationId: string; readonly isPermanent: boolean }
  | { readonly kind: 'reply'; readonly conversationId: string; readonly intent: string; readonly status: string }
  | { readonly kind: 'after_end'; readonly conversationId: string };

/**
 * One inbound mail: find its conversation (the per-conversation reply-to address, else In-Reply-To / References),
 * treat a delivery-status notification as a bounce, otherwise classify the reply and act on it. `orgId` restricts the
 * match to one org (the webhook knows it from its secret; the sandbox SMTP listener does not).
 */
export async function receiveInboundEmail({ orgId, input }: { orgId: string | undefined; input: InboundMail }, deps: CeDeps): Promise<InboundOutcome> {
  const mail = input;
  const conversation = await findConversationFor(mail, deps);
  if (!conversation || (orgId !== undefined && conversation.orgId !== orgId)) return { kind: 'unmatched' };
  const org = conversation.orgId;
  const now = deps.clock.now();
  const person = await findPerson(deps.db, org, conversation.personId);
  const campaign = await findCampaign(deps.db, org, conversation.campaignId);
  if (!person || !campaign) return { kind: 'unmatched' };
  const messageId = mail.headers['message-id'] ?? `<inbound.${randomBytes(6).toString('hex')}@openabm.local>`;
  const inReplyTo = messageIdsIn(mail.headers['in-reply-to'])[0] ?? null;
  const base = { conversationId: conversation.id, assistantId: null, direction: 'inbound', messageId, inReplyTo, fromAddress: bareAddress(mail.from), toAddress: mail.to.join(', '), cc: mail.cc.join(', ') || null, subject: mail.subject, bodyText: mail.text, createdAt: now } as const;

  if (isDeliveryStatusNotification(mail)) {
    const dsn = readDsn(mail);
    await insertMessage(deps.db, org, { ...base, kind: 'bounce', intent: null, delivery: 'received', deliveryDetail: [dsn.status, dsn.diagnostic].filter(Boolean).join(' ') || null });
    if (dsn.isPermanent && !isEndedRow(conversation)) {
      await updateConversation(deps.db, org, conversation.id, { status: 'bounced', isBounced: true, endedAt: now, nextSendAt: null, updatedAt: now });
      await journalPersonWrites(org, [fieldWrite(person, { status: 'bounced' }, deps)], deps);
      await requestWriteback(org, deps);
    }
    return { kind: 'bounce', conversationId: conversation.id, isPermanent: dsn.isPermanent };
  }

  // "Ended = AIE stops responding even if the lead writes again": the mail is kept (and logged as a Task), nothing more.
  if (isEndedRow(conversation) || campaign.status === 'canceled') {
    await insertMessage(deps.db, org, { ...base, kind: 'reply', intent: null, delivery: 'received', deliveryDetail: 'Received after the conversation ended' });
    await journalPersonWrites(org, [taskWrite(person, { messageKey: messageId, subject: `Reply: ${mail.subject}`, body: mail.text }, deps)], deps);
    await requestWriteback(org, deps);
    return { kind: 'after_end', conversationId: conversation.id };
  }

  const classification = await replyClassifierOf(deps).classify({ subject: mail.subject, text: mail.text, receivedAt: now });
  await insertMessage(deps.db, org, { ...base, kind: 'reply', intent: classification.intent, delivery: 'received', deliveryDetail: `rule: ${classification.matchedRule}` });
  await updateConversation(deps.db, org, conversation.id, { hasReplied: true, lastIntent: classification.intent, updatedAt: now });
  await journalPersonWrites(org, [taskWrite(person, { messageKey: messageId, subject: `Reply: ${mail.subject}`, body: `From: ${bareAddress(mail.from)}\nSubject: ${mail.subject}\nClassified: ${classification.intent}\n\n${mail.text}` }, deps)], deps);
  const assistant = await findAssistant(deps.db, org, campaign.assistantId);
  const status = await applyReplyOutcome(org, { conversation, person, campaign, assistant, classification, replySubject: mail.subject, replyMessageId: messageId }, deps);
  if (classification.intent === 'do_not_contact') await markPersonDoNotContact(deps.db, org, person.id, now);
  await requestWriteback(org, deps);
  return { kind: 'reply', conversationId: conversation.id, intent: classification.intent, status };
}

function isEndedRow(conversation: CeConversationRow): boolean {
  return conversation.endedAt !== null || (isConversationStatus(conversation.status) && isConversationEnded(conversation.status));
}

async function findConversationFor(mail: InboundMail, deps: CeDeps): Promise<CeConversationRow | undefined> {
  const recipients = [...mail.to, ...mail.cc, mail.headers['delivered-to'] ?? '', mail.headers['x-original-to'] ?? ''];
  for (const token of replyTokensIn(recipients)) {
    const conversation = await findConversationByReplyToken(deps.db, token);
    if (conversation) return conversation;
  }
  const ids = [...messageIdsIn(mail.headers['in-reply-to']), ...messageIdsIn(mail.headers.references)];
  if (isDeliveryStatusNotification(mail)) ids.push(...readDsn(mail).originalMessageIds);
  const original = await findOutboundByMessageIds(deps.db, ids);
  return original ? findConversation(deps.db, original.orgId, original.conversationId) : undefined;
}
