import { listExcludedDomains as contract } from '../../../../contracts/companies';
import { listExcludedDomains } from '../../../../adapters/db/repositories/companiesMatching';
import { builtInExcludedDomains } from '../../../../domain/matching/excludedDomains';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, deps }) => ({
    items: (await listExcludedDomains(deps.db, orgId)).map((domain) => ({ domain })),
    builtInCount: builtInExcludedDomains.length,
  }),
});
