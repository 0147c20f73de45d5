// Test set-up shared by the publishing tests (not used by the app): segments of any source inserted directly.
import type { Database } from '../../adapters/db/database';
import { insertSegment } from '../../adapters/db/segments/segmentsRepo';

/** A ready segment of the given source (default: an uploaded list), optionally with members (master company ids). */
export async function insertTestSegment(
  database: Database,
  orgId: string,
  values: { name: string; sourceType?: string; filter?: unknown; memberCompanyIds?: readonly string[] },
): Promise<{ id: string; name: string }> {
  const segment = await insertSegment(database.db, orgId, {
    name: values.name,
    sourceType: values.sourceType ?? 'upload',
    sourceConfig: {},
    filter: values.filter ?? null,
    status: 'ready',
    memberCount: values.memberCompanyIds?.length ?? 0,
  });
  for (const companyId of values.memberCompanyIds ?? []) {
    await database.query('INSERT INTO segment_members (org_id, segment_id, company_id) VALUES ($1, $2, $3)', [orgId, segment.id, companyId]);
  }
  return { id: segment.id, name: segment.name };
}
