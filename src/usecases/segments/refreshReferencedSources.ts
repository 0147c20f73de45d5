import { hasSourceCompanies, replaceSourceCompanies } from '../../adapters/db/segments/membershipRepo';
import { conditionsOf, sourceKeyOf, type FilterNode } from '../../domain/segments/filterTree';
import { buildMembership } from './buildMembership';
import type { SegmentDeps } from './segmentDeps';

/**
 * "Accounts in Salesforce Report", "Salesforce Account List" and "Uploaded Account List" filters select the
 * companies those sources resolved to. This re-reads each referenced source (or, with onlyMissing, only those never
 * read) and stores its companies. A broken source throws its specification message.
 */
export async function refreshReferencedSources(orgId: string, filter: FilterNode | null, deps: SegmentDeps, options: { onlyMissing: boolean }): Promise<void> {
  if (!filter) return;
  const seen = new Set<string>();
  for (const condition of conditionsOf(filter)) {
    if (condition.kind !== 'in_crm_report' && condition.kind !== 'in_crm_list' && condition.kind !== 'in_uploaded_list') continue;
    const key = sourceKeyOf(condition);
    if (seen.has(key)) continue;
    seen.add(key);
    if (options.onlyMissing && (await hasSourceCompanies(deps.db, orgId, key))) continue;
    const source =
      condition.kind === 'in_uploaded_list'
        ? ({ type: 'upload', uploadId: condition.uploadId } as const)
        : condition.kind === 'in_crm_report'
          ? ({ type: 'crm_report', provider: 'salesforce', sourceId: condition.sourceId } as const)
          : ({ type: 'crm_list', provider: condition.provider, kind: condition.provider === 'dynamics' ? 'saved_view' : 'list_view', sourceId: condition.sourceId } as const);
    const built = await buildMembership(orgId, { id: undefined, source, filter: null }, deps);
    if (built.kind !== 'rows') continue;
    const companyIds = built.rows.filter((row) => row.status !== 'unmatched' && row.companyId).map((row) => row.companyId ?? '');
    await replaceSourceCompanies(deps.db, orgId, key, companyIds);
  }
}
