import { findConversation, findPerson, updateConversation } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { canPauseConversation, crmStatusValue, isConversationEnded, isConversationStatus } from '../../domain/conversationalEmail/conversationStatus';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, requestWriteback, type CeDeps } from './ceDeps';
import { fieldWrite, journalPersonWrites } from './journalWrites';
import type { CeWriteInsert } from '../../adapters/db/repositories/conversationalEmail/writesRepo';

export interface PauseResult {
  readonly changedIds: string[];
  readonly skipped: Array<{ readonly conversationId: string; readonly reason: string }>;
}

/**
 * Pauses or resumes conversations (one or many). related-notes §7: "Pause: only non-ended conversations …; bulk pause
 * skips ineligible rows; only paused conversations can be resumed." A paused conversation sends nothing and its
 * Salesforce status reads `paused`; the lead may still reply. Resume also ends an out-of-office wait early.
 */
export async function pauseConversations(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { conversationIds: readonly string[]; action: 'pause' | 'resume' } },
  deps: CeDeps,
): Promise<PauseResult> {
  assertCeCan(actor, 'ce.manage', orgId);
  const now = deps.clock.now();
  const result: PauseResult = { changedIds: [], skipped: [] };
  const writes: CeWriteInsert[] = [];
  for (const conversationId of new Set(input.conversationIds)) {
    const conversation = await findConversation(deps.db, orgId, conversationId);
    const person = conversation ? await findPerson(deps.db, orgId, conversation.personId) : undefined;
    if (!conversation || !person || !isConversationStatus(conversation.status)) {
      result.skipped.push({ conversationId, reason: 'No such conversation.' });
      continue;
    }
    const status = conversation.status;
    if (input.action === 'pause') {
      if (!canPauseConversation(status, conversation.isPaused)) {
        result.skipped.push({ conversationId, reason: conversation.isPaused ? 'Already paused.' : 'An ended conversation cannot be paused.' });
        continue;
      }
      await updateConversation(deps.db, orgId, conversation.id, { isPaused: true, updatedAt: now });
      writes.push(fieldWrite(person, { status: crmStatusValue(status, true) }, deps));
    } else {
      const isWaitingOutOfOffice = conversation.resumeAfter !== null && conversation.resumeAfter > now && !isConversationEnded(status);
      if (!conversation.isPaused && !isWaitingOutOfOffice) {
        result.skipped.push({ conversationId, reason: 'Only paused conversations can be resumed.' });
        continue;
      }
      // Whatever fell due while paused goes out at the next send run.
      const nextSendAt = conversation.nextSendAt && conversation.nextSendAt < now ? now : conversation.nextSendAt;
      await updateConversation(deps.db, orgId, conversation.id, { isPaused: false, resumeAfter: null, nextSendAt: isWaitingOutOfOffice ? now : nextSendAt, updatedAt: now });
      writes.push(fieldWrite(person, { status: crmStatusValue(status, false) }, deps));
    }
    result.changedIds.push(conversation.id);
  }
  await journalPersonWrites(orgId, writes, deps);
  if (writes.length > 0) await requestWriteback(orgId, deps);
  return result;
}
