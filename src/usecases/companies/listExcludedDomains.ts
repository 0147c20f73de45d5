import { listExcludedDomains as listExcludedDomainRows } from '../../adapters/db/repositories/companiesMatching';
import { builtInExcludedDomains } from '../../domain/matching/excludedDomains';
import type { UseCaseDeps } from '../deps';

/** The organisation's own exclusion list, and how many domains openabm excludes for everyone. */
export async function listExcludedDomains({ orgId }: { orgId: string }, deps: Pick<UseCaseDeps, 'db'>) {
  return {
    items: (await listExcludedDomainRows(deps.db, orgId)).map((domain) => ({ domain })),
    builtInCount: builtInExcludedDomains.length,
  };
}
