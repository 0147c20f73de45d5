import { z } from 'zod';
import { linkCrmAccountsToCompanies } from '../../../../usecases/crmAccounts/linkCrmAccountsToCompanies';
import { defineJob } from '../../defineJob';

export const LINK_CRM_ACCOUNTS_JOB = 'crm.accounts.link';

/** After a CRM data sync: links each synced CRM account to its master company (idempotent: links are upserted). */
export default defineJob({
  name: LINK_CRM_ACCOUNTS_JOB as 'crm.accounts.link',
  payload: z.object({ orgId: z.string().uuid(), provider: z.enum(['salesforce', 'dynamics']) }),
  retryLimit: 2,
  retryDelaySeconds: 120,
  retryBackoff: true,
  expireInSeconds: 3600,
  isPerOrg: true,
  handler: async (payload, deps) => {
    const result = await linkCrmAccountsToCompanies({ orgId: payload.orgId, input: { provider: payload.provider } }, deps);
    deps.logger.info({ orgId: payload.orgId, provider: payload.provider, ...result }, 'crm accounts linked to companies');
  },
});
