import { findCampaign } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { findConversation, findPerson } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { messagesOfConversation } from '../../adapters/db/repositories/conversationalEmail/messagesRepo';
import { notFound } from '../../domain/appError';
import { CONVERSATION_STATUS_FACTS, isConversationStatus } from '../../domain/conversationalEmail/conversationStatus';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';
import { replyToAddress } from './mailAddresses';
import { writesOfRecord } from '../../adapters/db/repositories/conversationalEmail/writesRepo';
import { parseFollowUps } from '../../domain/conversationalEmail/sequence';
import { findAssistant } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';

/** One contact's conversation thread: every e-mail sent and received, with the class each reply got. */
export async function getConversation({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { conversationId: string } }, deps: Pick<CeDeps, 'db'>) {
  assertCeCan(actor, 'view', orgId);
  const conversation = await findConversation(deps.db, orgId, input.conversationId);
  if (!conversation) throw notFound('The conversation');
  const person = await findPerson(deps.db, orgId, conversation.personId);
  const campaign = await findCampaign(deps.db, orgId, conversation.campaignId);
  const assistant = campaign ? await findAssistant(deps.db, orgId, campaign.assistantId) : undefined;
  const messages = await messagesOfConversation(deps.db, orgId, conversation.id);
  const status = isConversationStatus(conversation.status) ? conversation.status : 'scheduled';
  const followUps = campaign ? parseFollowUps(campaign.followUpSequences) : [];
  const writes = person ? await writesOfRecord(deps.db, orgId, person.crmObject, person.crmId, 50) : [];
  return {
    id: conversation.id,
    campaignId: conversation.campaignId,
    campaignName: campaign?.name ?? '',
    personName: [person?.firstName, person?.lastName].filter(Boolean).join(' '),
    email: person?.email ?? '',
    crmObject: person?.crmObject ?? 'lead',
    crmId: person?.crmId ?? '',
    replyTo: assistant ? replyToAddress(assistant.email, conversation.replyToken) : '',
    status,
    statusLabel: CONVERSATION_STATUS_FACTS[status].label,
    isEnded: CONVERSATION_STATUS_FACTS[status].isEnded,
    reviewReason: conversation.reviewReason,
    resumeAfter: conversation.resumeAfter?.toISOString() ?? null,
    isPaused: conversation.isPaused,
    nextSendAt: conversation.nextSendAt?.toISOString() ?? null,
    sequence: conversation.followUpIndex === null ? 'Main sequence' : `Follow-up: ${followUps[conversation.followUpIndex]?.name ?? conversation.followUpIndex + 1}`,
    reviewedBy: conversation.reviewedBy,
    writeBack: writes.map((write) => ({
      kind: write.kind,
      status: write.status,
      summary: write.kind === 'task' ? String(write.payload.subject ?? '') : Object.entries(write.payload).filter(([key]) => key !== 'lastSyncedAt' && key !== 'campaignUrl').map(([key, value]) => `${key}=${String(value)}`).join(', '),
      salesforceId: write.salesforceId,
      error: write.error,
      createdAt: write.createdAt.toISOString(),
    })),
    messages: messages.map((message) => ({
      id: message.id, direction: message.direction, kind: message.kind, from: message.fromAddress, to: message.toAddress, cc: message.cc, subject: message.subject,
      text: message.bodyText, intent: message.intent, delivery: message.delivery, deliveryDetail: message.deliveryDetail, createdAt: message.createdAt.toISOString(),
    })),
  };
}
