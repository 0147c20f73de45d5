import { reviewConversations } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { messagesOfConversation } from '../../adapters/db/repositories/conversationalEmail/messagesRepo';
import { REVIEW_OUTCOMES } from '../../domain/conversationalEmail/conversationStatus';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';

/** The human-review list: every conversation waiting for a person to pick the outcome, with the reply that caused it. */
export async function listReviewTasks({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: Pick<CeDeps, 'db'>) {
  assertCeCan(actor, 'view', orgId);
  const rows = await reviewConversations(deps.db, orgId, 200);
  const items = [];
  for (const { conversation, person, campaignName } of rows) {
    const lastReply = (await messagesOfConversation(deps.db, orgId, conversation.id)).filter((message) => message.direction === 'inbound' && message.kind === 'reply').at(-1);
    items.push({
      conversationId: conversation.id,
      campaignId: conversation.campaignId,
      campaignName,
      personName: [person.firstName, person.lastName].filter(Boolean).join(' '),
      email: person.email ?? '',
      reason: conversation.reviewReason ?? 'Needs a person',
      suggestedIntent: conversation.lastIntent,
      replySubject: lastReply?.subject ?? null,
      replyText: lastReply?.bodyText.slice(0, 2000) ?? null,
      receivedAt: (lastReply?.createdAt ?? conversation.updatedAt).toISOString(),
    });
  }
  return { items, outcomes: [...REVIEW_OUTCOMES] };
}
