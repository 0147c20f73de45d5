import { listCompanyVisits } from '../../adapters/db/repositories/webVisits';
import type { WebTagDeps } from './webTagDeps';

/** Account details: the account's 50 most recent web visits. */
export async function listAccountVisits({ orgId, companyId }: { orgId: string; companyId: string }, deps: Pick<WebTagDeps, 'db'>) {
  const rows = await listCompanyVisits(deps.db, orgId, companyId, 50);
  return { items: rows.map((row) => ({ url: row.url, referrer: row.referrer, visitedAt: new Date(row.visited_at).toISOString(), visitorId: row.visitor_id })) };
}
