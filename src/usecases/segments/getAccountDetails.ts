import { findCompanyDetails, listCompanyCrmAccounts, listCompanySegments } from '../../adapters/db/segments/accountsRepo';
import { toIso } from '../../adapters/db/segments/rows';
import { listUsesOf } from '../../adapters/db/publishing/publicationsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

/**
 * Account details for any master company: firmographics, this org's CRM records linked to it, and "Account Appears
 * In These Segments" (the segments published to the Account Details use).
 */
export async function getAccountDetails({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { companyId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const company = await findCompanyDetails(deps.db, orgId, input.companyId);
  if (!company) throw new AppError('not_found', 'The account was not found in the master company database.');
  const crm = await listCompanyCrmAccounts(deps.db, orgId, company.id);
  // "Account Appears In These Segments" lists only the segments published to the Account Details use.
  const allSegments = await listCompanySegments(deps.db, orgId, company.id);
  const uses = await listUsesOf(deps.db, orgId, allSegments.map((row) => row.id));
  const segments = allSegments.filter((row) => (uses.get(row.id) ?? []).includes('account_details'));
  return {
    account: {
      companyId: company.id,
      name: company.name,
      domain: company.domain,
      otherDomains: company.other_domains ?? [],
      country: company.country?.trim() ?? null,
      region: company.region,
      city: company.city,
      industry: company.industry,
      employeeRange: company.employee_range,
      revenueRange: company.revenue_range,
      extra: company.firmographics ?? {},
    },
    crmRecords: crm.map((row) => ({
      provider: row.provider,
      externalId: row.external_id,
      name: row.name,
      website: row.website,
      country: row.country,
      ownerName: row.owner_name,
      fields: row.fields,
      syncedAt: toIso(row.synced_at) ?? '',
    })),
    segments: segments.map((row) => ({ id: row.id, name: row.name, sourceType: row.source_type, status: row.status, addedAt: toIso(row.added_at) ?? '' })),
  };
}
