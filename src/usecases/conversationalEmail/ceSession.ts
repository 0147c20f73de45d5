import { addCampaignCalls, campaignCallsOn } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { usageDay } from '../../domain/budget/apiAllowance';
import type { CrmCallContext } from '../../ports/crmConnector';
import { AppError } from '../../domain/appError';
import { isCrmConnectorError } from '../../domain/integrations/crmErrors';
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
  options: { readonly isPersonWaiting?: boolean } = {},
): Promise<T> {
  let campaignCalls = 0;
  const day = usageDay(deps.clock.now());
  const usedBefore = campaign ? await campaignCallsOn(deps.db, orgId, campaign.id, day) : 0;
  try {
    return await withCrmSession(orgId, 'salesforce', deps, (session) => {
      // session.ctx carries isPersonWaiting, and its token refresh honours it too.
      const ctx: CrmCallContext = {
        ...session.ctx,
        beforeCall: async (call) => {
          if (campaign && usedBefore + campaignCalls >= campaign.dailyCap) throw new CampaignCallCapReached(`The campaign reached its daily cap of ${campaign.dailyCap} Salesforce calls.`);
          await session.ctx.beforeCall(call);
          campaignCalls += 1;
        },
      };
      return work(ctx);
    }, options);
  } finally {
    if (campaign) await addCampaignCalls(deps.db, orgId, campaign.id, day, campaignCalls);
  }
}

/**
 * For request-time work (a person waits on the page): no retries over seconds, so a Salesforce that cannot be reached
 * ends the request with the reason and what to do (the connector words it so for a person waiting); connector
 * failures become AppErrors with the specification's messages.
 */
export async function withCeSalesforceForRequest<T>(orgId: string, deps: CeDeps, work: (ctx: CrmCallContext) => Promise<T>): Promise<T> {
  try {
    return await withCeSalesforce(orgId, deps, work, undefined, { isPersonWaiting: true });
  } catch (error) {
    if (isCrmConnectorError(error) && error.code === 'NETWORK_ERROR') {
      throw new AppError('provider_error', error.message, { crmErrorKind: error.kind, crmErrorCode: error.code });
    }
    throw toAppError(error);
  }
}
