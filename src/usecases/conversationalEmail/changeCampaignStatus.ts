import { findCampaign, findCeSettings, setCampaignStatus, type CeCampaignRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { conversationsOfCampaign, updateConversation } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { AppError, notFound } from '../../domain/appError';
import { allowedCampaignEvents, isCampaignStatus, nextCampaignStatus, type CampaignEvent } from '../../domain/conversationalEmail/campaignState';
import { isConversationEnded, isConversationStatus } from '../../domain/conversationalEmail/conversationStatus';
import type { PreflightResult } from '../../domain/conversationalEmail/preflight';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, CE_POLL_JOB, requestWriteback, type CeDeps } from './ceDeps';
import { fieldWrite, journalPersonWrites } from './journalWrites';

/**
 * Moves a campaign through its state machine (domain/conversationalEmail/campaignState.ts). Starting or scheduling
 * needs a passed pre-flight check and the Salesforce fields set up. Every change writes the campaign status to the
 * enrolled leads and contacts; canceling also cancels the conversations still going.
 */
export async function changeCampaignStatus(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { campaignId: string; event: CampaignEvent } },
  deps: CeDeps,
): Promise<CeCampaignRow> {
  assertCeCan(actor, 'ce.manage', orgId);
  const campaign = await findCampaign(deps.db, orgId, input.campaignId);
  if (!campaign || !isCampaignStatus(campaign.status)) throw notFound('The campaign');
  const next = nextCampaignStatus(campaign.status, input.event);
  if (!next) {
    const allowed = allowedCampaignEvents(campaign.status);
    throw new AppError('conflict', `A ${campaign.status} campaign cannot ${input.event}${allowed.length ? `; it can: ${allowed.join(', ')}` : ''}.`);
  }
  if (next === 'running' || next === 'scheduled') {
    const settings = await findCeSettings(deps.db, orgId);
    const preflight = settings.preflight as PreflightResult | null;
    if (!preflight?.isReady || !settings.fieldsReadyAt) {
      throw new AppError('validation_failed', 'Set up the Salesforce connection first: Conversational Email > Settings runs the pre-flight check and creates or maps the fields.');
    }
  }
  const now = deps.clock.now();
  const updated = await setCampaignStatus(deps.db, orgId, campaign.id, campaign.status, next, now);
  if (!updated) throw new AppError('conflict', 'The campaign changed meanwhile; reload and try again.');
  const conversations = await conversationsOfCampaign(deps.db, orgId, campaign.id);
  const writes = [];
  for (const { conversation, person } of conversations) {
    const isOngoing = conversation.endedAt === null && !(isConversationStatus(conversation.status) && isConversationEnded(conversation.status));
    if (next === 'canceled' && isOngoing) {
      await updateConversation(deps.db, orgId, conversation.id, { status: 'canceled', endedAt: now, nextSendAt: null, updatedAt: now });
      writes.push(fieldWrite(person, { status: 'canceled', campaign: updated }, deps));
    } else {
      writes.push(fieldWrite(person, { campaign: updated }, deps));
    }
  }
  await journalPersonWrites(orgId, writes, deps);
  await requestWriteback(orgId, deps);
  if ((next === 'running' || next === 'scheduled') && updated.reportId) {
    await deps.jobs?.enqueue(CE_POLL_JOB, { orgId, campaignId: updated.id }, { singletonKey: `ce-poll:${updated.id}` });
  }
  return updated;
}
