import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../adapters/db/database';
import { insertSegment } from '../../adapters/db/segments/segmentsRepo';
import type { TestOrg } from '../../test/createTestOrg';
import type { Actor } from '../../domain/permissions/policy';
import type { Role } from '../../domain/permissions/roles';

/** Test set-up for ad syncs: master companies, a ready segment over them, membership changes, actors by role. */
export interface SeededCompany {
  readonly id: string;
  readonly name: string;
  readonly domain: string | null;
}

export async function seedCompanies(database: Database, count: number, prefix = randomUUID().slice(0, 8)): Promise<SeededCompany[]> {
  const companies = Array.from({ length: count }, (_, index) => ({ id: `T${prefix}${String(index).padStart(5, '0')}`, name: `Company ${prefix} ${index}`, domain: `c${index}-${prefix}.example.com` }));
  for (const company of companies) {
    await database.db.execute(sql`INSERT INTO companies (id, name, domain, country) VALUES (${company.id}, ${company.name}, ${company.domain}, 'US')`);
  }
  return companies;
}

export async function seedSegment(database: Database, orgId: string, companyIds: readonly string[], name = 'ICP Tier 1'): Promise<string> {
  const segment = await insertSegment(database.db, orgId, { name, sourceType: 'filters', status: 'ready', lastRefreshedAt: new Date() });
  await setSegmentMembers(database, orgId, segment.id, companyIds);
  return segment.id;
}

/** Replaces the segment's members, as a successful refresh would (last_refreshed_at moves on). */
export async function setSegmentMembers(database: Database, orgId: string, segmentId: string, companyIds: readonly string[]): Promise<void> {
  await database.db.execute(sql`DELETE FROM segment_members WHERE org_id = ${orgId} AND segment_id = ${segmentId}`);
  for (const companyId of companyIds) {
    await database.db.execute(sql`INSERT INTO segment_members (org_id, segment_id, company_id) VALUES (${orgId}, ${segmentId}, ${companyId})`);
  }
  await database.db.execute(sql`UPDATE segments SET member_count = ${companyIds.length}, last_refreshed_at = now() WHERE org_id = ${orgId} AND id = ${segmentId}`);
}

export function actorOf(org: TestOrg, role: Role): Actor {
  return { orgId: org.orgId, userId: org.userIds[role], role, kind: 'user' };
}

/** CRM contacts at the given companies (one per company, linked through a CRM account), for Google and Meta audiences. */
export async function seedContacts(database: Database, orgId: string, companies: readonly SeededCompany[], emailOf: (index: number) => string | null): Promise<void> {
  for (const [index, company] of companies.entries()) {
    const accountId = `ACC-${company.id}`;
    await database.db.execute(sql`INSERT INTO crm_account_companies (org_id, provider, external_id, company_id) VALUES (${orgId}, 'salesforce', ${accountId}, ${company.id})`);
    await database.db.execute(sql`INSERT INTO crm_contacts (org_id, provider, external_id, name, email, country, account_external_id, fields)
      VALUES (${orgId}, 'salesforce', ${`CON-${company.id}`}, ${`Person ${index}`}, ${emailOf(index)}, 'US', ${accountId}, '{}'::jsonb)`);
  }
}
