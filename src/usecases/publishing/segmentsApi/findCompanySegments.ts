import { sql } from 'drizzle-orm';
import { listApiSegmentsOfCompany } from '../../../adapters/db/publishing/segmentsApiRepo';
import { queryRows } from '../../../adapters/db/segments/rows';
import { AppError } from '../../../domain/appError';
import type { Actor } from '../../../domain/permissions/policy';
import type { PublishingDeps } from '../publishSegment';
import { guardSegmentsApi } from './guardSegmentsApi';

/** GET /api/v1/company-segments?companyId=|domain=: which API-visible segments a company belongs to. */
export async function findCompanySegments(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { companyId?: string | undefined; domain?: string | undefined } },
  deps: PublishingDeps,
) {
  const settings = await guardSegmentsApi(orgId, actor, deps);
  if (!input.companyId && !input.domain) throw new AppError('validation_failed', 'Give a companyId or a domain.');
  const domain = input.domain?.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').split('/')[0];
  const [company] = await queryRows<{ id: string; name: string; domain: string | null; country: string | null }>(
    deps.db,
    input.companyId
      ? sql`SELECT id, name, domain, country FROM companies WHERE id = ${input.companyId}`
      : sql`SELECT id, name, domain, country FROM companies WHERE domain = ${domain ?? ''} OR ${domain ?? ''} = ANY(other_domains) ORDER BY (domain = ${domain ?? ''}) DESC, id LIMIT 1`,
  );
  if (!company) throw new AppError('not_found', input.companyId ? `No company has the id ${input.companyId}.` : `No company has the domain ${domain}.`);
  const segments = await listApiSegmentsOfCompany(deps.db, orgId, settings.scope, company.id);
  return {
    company: { companyId: company.id, name: company.name, domain: company.domain, country: company.country?.trim() ?? null },
    segments: { ids: segments.map((segment) => segment.id), names: segments.map((segment) => segment.name), list: segments.map((segment) => ({ id: segment.id, name: segment.name })) },
  };
}
