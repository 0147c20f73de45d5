import { findCampaign, findAssistant } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { findConversation, findPerson } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { messagesOfConversation } from '../../adapters/db/repositories/conversationalEmail/messagesRepo';
import { deliverToSandboxInbound } from '../../adapters/mailer/ceInboundSmtp';
import { AppError, notFound } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';
import { replyToAddress } from './mailAddresses';


/**
 * Sandbox mailbox: answers as the lead. The reply is a real e-mail sent over SMTP to openabm's local inbound
 * listener (to the conversation's reply-to address, In-Reply-To the last e-mail), so it takes the same path a
 * customer's reply would.
 */
export async function replyAsLead({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { conversationId: string; text: string } }, deps: CeDeps) {
  assertCeCan(actor, 'ce.manage', orgId);
  if (!deps.config.isSandbox || deps.ceInboundSmtpPort === undefined) throw new AppError('conflict', 'The sandbox mailbox exists only in sandbox mode.');
  const conversation = await findConversation(deps.db, orgId, input.conversationId);
  if (!conversation) throw notFound('The conversation');
  const person = await findPerson(deps.db, orgId, conversation.personId);
  const campaign = await findCampaign(deps.db, orgId, conversation.campaignId);
  const assistant = campaign ? await findAssistant(deps.db, orgId, campaign.assistantId) : undefined;
  if (!person?.email || !assistant) throw notFound('The conversation');
  const outbound = (await messagesOfConversation(deps.db, orgId, conversation.id)).filter((message) => message.direction === 'outbound');
  const last = outbound.at(-1);
  if (!last) throw new AppError('conflict', 'Nothing was sent to this lead yet; there is nothing to answer.');
  await deliverToSandboxInbound(deps.ceInboundSmtpPort, {
    from: person.email,
    to: replyToAddress(assistant.email, conversation.replyToken),
    subject: /^re:/i.test(last.subject) ? last.subject : `Re: ${last.subject}`,
    text: `${input.text}\n\nOn ${last.createdAt.toUTCString()}, ${assistant.name} wrote:\n${last.bodyText.split('\n').map((line) => `> ${line}`).join('\n')}`,
    inReplyTo: last.messageId,
    references: outbound.map((message) => message.messageId),
  });
  const after = await findConversation(deps.db, orgId, conversation.id);
  return { outcome: 'delivered', status: after?.status ?? conversation.status };
}
