import { deletePrivateCompany as deletePrivateCompanyRow } from '../../adapters/db/repositories/privateCompanies';
import { notFound } from '../../domain/appError';
import type { UseCaseDeps } from '../deps';

/** Another organisation's private company, or a master company, reads as not found. */
export async function deletePrivateCompany({ orgId, input }: { orgId: string; input: { companyId: string } }, deps: Pick<UseCaseDeps, 'db'>) {
  if (!(await deletePrivateCompanyRow(deps.db, orgId, input.companyId))) throw notFound('Private company');
  return { deleted: input.companyId };
}
