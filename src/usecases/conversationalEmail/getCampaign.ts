import { findCampaign } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { notFound } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';
import { campaignView, type CampaignView } from './campaignViews';

export async function getCampaign({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { campaignId: string } }, deps: Pick<CeDeps, 'db' | 'clock'>): Promise<CampaignView> {
  assertCeCan(actor, 'view', orgId);
  const campaign = await findCampaign(deps.db, orgId, input.campaignId);
  if (!campaign) throw notFound('The campaign');
  return campaignView(orgId, campaign, deps);
}
