import { updateConversation } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { messagesOfConversation } from '../../adapters/db/repositories/conversationalEmail/messagesRepo';
import { findUser } from '../../adapters/db/repositories/users';
import { AppError } from '../../domain/appError';
import type { ReviewOutcome } from '../../domain/conversationalEmail/conversationStatus';
import type { Actor } from '../../domain/permissions/policy';
import { applyReplyOutcome } from './applyReplyOutcome';
import { assertCeCan, requestWriteback, type CeDeps } from './ceDeps';
import { fieldWrite, journalPersonWrites } from './journalWrites';
import { loadConversation } from './loadConversation';

/**
 * Closes a human-review task with the outcome a person picked (related-notes §7: Qualified, Not Interested, Stopped
 * Responding or Canceled). Qualified hands the lead off exactly as a reply classed qualified does; every outcome is
 * written to the status field.
 */
export async function resolveReviewTask(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { conversationId: string; outcome: ReviewOutcome } },
  deps: CeDeps,
): Promise<{ status: string }> {
  assertCeCan(actor, 'ce.manage', orgId);
  const loaded = await loadConversation(orgId, input.conversationId, deps);
  const { conversation, person } = loaded;
  if (conversation.status !== 'human_review') throw new AppError('conflict', 'This conversation has no open review task.');
  const now = deps.clock.now();
  const reviewer = actor?.userId ? await findUser(deps.db, orgId, actor.userId) : undefined;
  await updateConversation(deps.db, orgId, conversation.id, { reviewedBy: reviewer?.email ?? 'API key', reviewedAt: now, lastIntent: input.outcome, updatedAt: now });
  let status: string = input.outcome;
  if (input.outcome === 'qualified' || input.outcome === 'not_interested') {
    const lastReply = (await messagesOfConversation(deps.db, orgId, conversation.id)).filter((message) => message.direction === 'inbound').at(-1);
    status = await applyReplyOutcome(
      orgId,
      { ...loaded, classification: { intent: input.outcome, matchedRule: 'human review' }, replySubject: lastReply?.subject ?? 'Your reply', replyMessageId: lastReply?.messageId ?? `<review.${conversation.id}@openabm.local>` },
      deps,
    );
  } else {
    await updateConversation(deps.db, orgId, conversation.id, { status: input.outcome, endedAt: conversation.endedAt ?? now, nextSendAt: null, updatedAt: now });
    await journalPersonWrites(orgId, [fieldWrite(person, { status: input.outcome }, deps)], deps);
  }
  await requestWriteback(orgId, deps);
  return { status };
}
