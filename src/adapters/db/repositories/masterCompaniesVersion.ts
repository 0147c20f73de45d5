import type { Db } from '../database';
import { masterCompaniesState } from '../schema/masterCompaniesState';

/**
 * The master company database's version ("<database instance>:<n>"): changes with every import, update or delete of
 * master companies (database triggers, migration 0930), so it is one row to read, however many companies.
 */
export async function masterCompaniesVersion(db: Db): Promise<string> {
  const [row] = await db.select({ instanceId: masterCompaniesState.instanceId, version: masterCompaniesState.version }).from(masterCompaniesState).limit(1);
  if (!row) throw new Error('master_companies_state has no row (migration 0930 not applied?)');
  return `${row.instanceId}:${row.version}`;
}
