import type { Db } from '../../../adapters/db/database';
import { linkSyncedCrmRecords } from '../../../adapters/db/publishing/recordLinksRepo';
import { listExcludedDomains } from '../../../adapters/db/repositories/companiesMatching';
import { buildExclusionSet } from '../../../domain/matching/excludedDomains';
import { matchAccounts } from '../../../domain/matching/matchAccounts';
import type { EnrichmentTarget, EnrichmentTargetRecord } from '../../../ports/enrichmentTarget';
import { loadMasterIndex } from '../../matching/loadMasterIndex';

const CRM_OBJECTS: Readonly<Record<string, 'account' | 'contact' | 'lead'>> = { account: 'account', contact: 'contact', lead: 'lead' };

/**
 * The master company of each record: Salesforce records through openabm's CRM sync (absent = not synced yet);
 * MAP leads by e-mail domain and company name through the matcher (null = no company).
 */
export async function linkRecordsToCompanies(
  orgId: string,
  target: Pick<EnrichmentTarget, 'system' | 'linkage'>,
  object: string,
  records: readonly EnrichmentTargetRecord[],
  deps: { db: Db },
): Promise<Map<string, string | null>> {
  if (target.linkage === 'crm_sync') {
    const crmObject = CRM_OBJECTS[object.toLowerCase()];
    if (!crmObject) throw new Error(`no CRM sync for ${object}`);
    return linkSyncedCrmRecords(deps.db, orgId, target.system, crmObject, records.map((record) => record.id));
  }
  const index = await loadMasterIndex(deps.db);
  const excludedDomains = buildExclusionSet(await listExcludedDomains(deps.db, orgId));
  const results = matchAccounts(index, records.map((record) => ({ rowId: record.id, name: record.company ?? null, domain: record.email ?? record.website ?? null })), { excludedDomains });
  return new Map(results.map((result) => [result.rowId, result.status !== 'unmatched' && result.companyId ? result.companyId : null]));
}
