import { findCampaign, findCeSettings } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { reportRowsOf } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { AppError, notFound } from '../../domain/appError';
import { isCampaignStatus, isCampaignTerminal } from '../../domain/conversationalEmail/campaignState';
import type { Actor } from '../../domain/permissions/policy';
import type { PersonObject } from '../../ports/ceCrm';
import { assertCeCan, ceGateway, requestWriteback, type CeDeps } from './ceDeps';
import { withCeSalesforceForRequest } from './ceSession';
import { enrollPeople, type EnrollmentCounts } from './enrollPeople';

/** Manual enrollment: Salesforce lead or contact ids, imported and enrolled under the same rules as report rows. */
export async function enrollManually(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { campaignId: string; object: PersonObject; crmIds: readonly string[] } },
  deps: CeDeps,
): Promise<EnrollmentCounts> {
  assertCeCan(actor, 'ce.manage', orgId);
  const campaign = await findCampaign(deps.db, orgId, input.campaignId);
  if (!campaign || !isCampaignStatus(campaign.status)) throw notFound('The campaign');
  if (isCampaignTerminal(campaign.status)) throw new AppError('conflict', `An ${campaign.status} campaign enrolls no one.`);
  const settings = await findCeSettings(deps.db, orgId);
  const enrolled = new Set((await reportRowsOf(deps.db, orgId, campaign.id)).filter((row) => row.outcome === 'enrolled').map((row) => row.crmId));
  const records = await withCeSalesforceForRequest(orgId, deps, (ctx) => ceGateway(deps).fetchPeople(ctx, input.object, input.crmIds, { dncField: settings.dncField, extraFields: [] }));
  if (records.length === 0) throw new AppError('validation_failed', `None of these ids is a ${input.object} openabm can read in Salesforce.`);
  const counts = await enrollPeople(orgId, campaign, input.object, records, { via: 'manual', alreadyEnrolledIds: enrolled }, deps);
  await requestWriteback(orgId, deps);
  return counts;
}
