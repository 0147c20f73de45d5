import { updateConversation } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { AppError } from '../../domain/appError';
import { isConversationEnded, isConversationStatus } from '../../domain/conversationalEmail/conversationStatus';
import { afterSequenceEnds, parseBusinessHours, parseFollowUps, parseSteps, stepsInPlay } from '../../domain/conversationalEmail/sequence';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, requestWriteback, type CeDeps } from './ceDeps';
import { loadConversation } from './loadConversation';
import { assistantSentToday, sendStep } from './sendDueEmails';

/**
 * "Send now": the conversation's next scheduled e-mail goes out at once instead of at its slot in business hours.
 * The assistant's daily cap still holds (a user cannot push past it), and only a running campaign's ongoing, unpaused
 * conversation sends.
 */
export async function sendConversationNow(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { conversationId: string } },
  deps: CeDeps,
): Promise<{ outcome: 'sent' | 'bounced' | 'deferred' }> {
  assertCeCan(actor, 'ce.manage', orgId);
  const { conversation, person, campaign, assistant } = await loadConversation(orgId, input.conversationId, deps);
  if (!assistant) throw new AppError('conflict', "The campaign's assistant no longer exists.");
  if (campaign.status !== 'running') throw new AppError('conflict', `Only a running campaign sends; this one is ${campaign.status}.`);
  if (conversation.endedAt !== null || !isConversationStatus(conversation.status) || isConversationEnded(conversation.status)) {
    throw new AppError('conflict', 'This conversation has ended; nothing more is sent.');
  }
  if (conversation.isPaused) throw new AppError('conflict', 'This conversation is paused: resume it first.');
  const sentToday = await assistantSentToday(orgId, assistant, deps);
  if (sentToday >= assistant.dailySendCap) {
    throw new AppError('limit_reached', `${assistant.name} reached its daily cap of ${assistant.dailySendCap} e-mails (its day in ${assistant.timeZone}).`);
  }
  const sequences = { main: parseSteps(campaign.mainSequence), followUps: parseFollowUps(campaign.followUpSequences) };
  let current = conversation;
  if (current.nextStep >= stepsInPlay(sequences.main, sequences.followUps, current.followUpIndex).length) {
    const hasAnswered = current.hasReplied && current.lastIntent !== 'out_of_office';
    const next = afterSequenceEnds({ followUpIndex: current.followUpIndex, followUpCount: sequences.followUps.length, hasAnswered });
    if (next.kind === 'conclude') throw new AppError('conflict', 'Every e-mail of this conversation was sent; nothing is scheduled.');
    current = (await updateConversation(deps.db, orgId, current.id, { followUpIndex: next.followUpIndex, nextStep: 0, updatedAt: deps.clock.now() })) ?? current;
  }
  const outcome = await sendStep(orgId, { campaign, assistant, conversation: current, person, sequences, hours: parseBusinessHours(campaign.businessHours) }, deps);
  if (outcome === 'deferred') throw new AppError('provider_error', 'The mail server refused the e-mail for now; it is retried in 15 minutes.');
  await requestWriteback(orgId, deps);
  return { outcome };
}
