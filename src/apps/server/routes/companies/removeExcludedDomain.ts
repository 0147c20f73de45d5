import { removeExcludedDomain as contract } from '../../../../contracts/companies';
import { removeExcludedDomain } from '../../../../adapters/db/repositories/companiesMatching';
import { notFound } from '../../../../domain/appError';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'companies.manage',
  handler: async ({ orgId, params, deps }) => {
    const domain = params.domain.toLowerCase();
    if (!(await removeExcludedDomain(deps.db, orgId, domain))) throw notFound('Excluded domain');
    return { removed: domain };
  },
});
