import { findCampaign } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { AppError, notFound } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, CE_POLL_JOB, type CeDeps } from './ceDeps';

/** "Check report now": queues the campaign's poll job (the 15-minute cron does the same). */
export async function requestCampaignPoll({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { campaignId: string } }, deps: Pick<CeDeps, 'db' | 'jobs'>) {
  assertCeCan(actor, 'ce.manage', orgId);
  const campaign = await findCampaign(deps.db, orgId, input.campaignId);
  if (!campaign) throw notFound('The campaign');
  if (!campaign.reportId) throw new AppError('conflict', 'This campaign watches no report; enroll people manually.');
  const jobId = await deps.jobs?.enqueue(CE_POLL_JOB, { orgId, campaignId: campaign.id }, { singletonKey: `ce-poll:${campaign.id}` });
  return { queued: jobId !== null && jobId !== undefined };
}
