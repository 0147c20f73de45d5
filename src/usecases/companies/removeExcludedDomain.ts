import { removeExcludedDomain as deleteExcludedDomain } from '../../adapters/db/repositories/companiesMatching';
import { notFound } from '../../domain/appError';
import type { UseCaseDeps } from '../deps';

export async function removeExcludedDomain({ orgId, input }: { orgId: string; input: { domain: string } }, deps: Pick<UseCaseDeps, 'db'>) {
  const domain = input.domain.toLowerCase();
  if (!(await deleteExcludedDomain(deps.db, orgId, domain))) throw notFound('Excluded domain');
  return { removed: domain };
}
