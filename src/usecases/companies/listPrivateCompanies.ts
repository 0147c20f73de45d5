import { listPrivateCompanies as listPrivateCompanyRows } from '../../adapters/db/repositories/privateCompanies';
import type { UseCaseDeps } from '../deps';
import { toPrivateCompanyView } from './privateCompanyViews';

export async function listPrivateCompanies(
  { orgId, input }: { orgId: string; input: { search?: string | undefined; page: number; pageSize: number } },
  deps: Pick<UseCaseDeps, 'db'>,
) {
  const { rows, total } = await listPrivateCompanyRows(deps.db, orgId, { search: input.search || undefined, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return { items: rows.map(toPrivateCompanyView), total, page: input.page, pageSize: input.pageSize };
}
