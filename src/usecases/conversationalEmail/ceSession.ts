import { addCampaignCalls, campaignCallsOn } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { usageDay } from '../../domain/budget/apiAllowance';
import type { CrmCallContext } from '../../ports/crmConnector';
import { toAppError, withCrmSession } from '../integrations/crmSession';
import type { CeDeps } from './ceDeps';

/** Thrown before a call that would pass the campaign's daily call cap; the poll pauses and resumes tomorrow. */
export class CampaignCallCapReached extends Error {
  override readonly name = 'CampaignCallCapReached';
}

/**
 * Runs Salesforce work in a CRM session (org allowance, token refresh, connection status). With `campaign`, every call
 * is also counted for that campaign and refused once its daily cap is reached.
 */
export async function withCeSalesforce<T>(
  orgId: string,
  deps: CeDeps,
  work: (ctx: CrmCallContext) => Promise<T>,
  campaign?: { readonly id: string; readonly dailyCap: number },
): Promise<T> {
  let campaignCalls = 0;
  const day = usageDay(deps.clock.now());
  const usedBefore = campaign ? await campaignCallsOn(deps.db, orgId, campaign.id, day) : 0;
  try {
    return await withCrmSession(orgId, 'salesforce', deps, (session) => {
      const ctx: CrmCallContext = {
        ...session.ctx,
        beforeCall: async (call) => {
          if (campaign && usedBefore + campaignCalls >= campaign.dailyCap) throw new CampaignCallCapReached(`The campaign reached its daily cap of ${campaign.dailyCap} Salesforce calls.`);
          await session.ctx.beforeCall(call);
          campaignCalls += 1;
        },
      };
      return work(ctx);
    });
  } finally {
    if (campaign) await addCampaignCalls(deps.db, orgId, campaign.id, day, campaignCalls);
  }
}

/** For request-time work: connector failures become AppErrors with the specification's messages. */
export async function withCeSalesforceForRequest<T>(orgId: string, deps: CeDeps, work: (ctx: CrmCallContext) => Promise<T>): Promise<T> {
  try {
    return await withCeSalesforce(orgId, deps, work);
  } catch (error) {
    throw toAppError(error);
  }
}
