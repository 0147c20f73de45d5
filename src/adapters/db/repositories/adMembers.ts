import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { adMemberPayloads } from '../schema/index';
import { queryRows } from '../segments/rows';

/**
 * Audience members of a segment, with the integer keys the sync engine's member sets use. LinkedIn: the segment's
 * companies. Google/Meta: the people at them — CRM contacts of linked CRM accounts, and leads converted to one or
 * whose website is the company's domain. Every query filters on orgId.
 */
export interface SegmentCompanyRow {
  readonly memberKey: number;
  readonly companyId: string;
  readonly name: string | null;
  readonly domain: string | null;
  readonly country: string | null;
  readonly linkedinOrganization: string | null;
  readonly linkedinPageUrl: string | null;
}

export interface SegmentPersonRow {
  readonly memberKey: number;
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly country: string | null;
}

function peopleQuery(orgId: string, segmentId: string): SQL {
  // Each open lead's web site is reduced to its domain once (MATERIALIZED), then joined by equality: computed inside
  // the join condition, PGlite (which never gathers table statistics on its own) compared every member with every
  // lead through the two regular expressions — 9,414 members × 4,004 leads held the server ~2 minutes.
  return sql`
    WITH lead_sites AS MATERIALIZED (
      SELECT ld.*, lower(regexp_replace(regexp_replace(COALESCE(ld.website, ''), '^https?://(www\\.)?', ''), '[/:?#].*$', '')) AS site
        FROM crm_leads ld
       WHERE ld.org_id = ${orgId} AND COALESCE(ld.is_converted, false) = false
    )
    SELECT 'person:' || ct.provider || ':contact:' || ct.external_id AS member_ref, ct.name, ct.email,
           COALESCE(ct.fields->>'Phone', ct.fields->>'MobilePhone', ct.fields->>'telephone1', ct.fields->>'mobilephone') AS phone,
           COALESCE(ct.country, co.country) AS country
      FROM segment_members sm
      JOIN crm_account_companies link ON link.org_id = sm.org_id AND link.company_id = sm.company_id
      JOIN crm_contacts ct ON ct.org_id = link.org_id AND ct.provider = link.provider AND ct.account_external_id = link.external_id
      LEFT JOIN companies co ON co.id = sm.company_id
     WHERE sm.org_id = ${orgId} AND sm.segment_id = ${segmentId}
    UNION
    SELECT 'person:' || ld.provider || ':lead:' || ld.external_id, ld.name, ld.email,
           COALESCE(ld.fields->>'Phone', ld.fields->>'MobilePhone', ld.fields->>'telephone1', ld.fields->>'mobilephone'),
           COALESCE(ld.country, co.country)
      FROM segment_members sm
      JOIN companies co ON co.id = sm.company_id
      JOIN lead_sites ld ON ld.site = co.domain
     WHERE sm.org_id = ${orgId} AND sm.segment_id = ${segmentId}`;
}

async function ensureKeys(db: Db, orgId: string, refs: SQL): Promise<void> {
  await db.execute(sql`INSERT INTO ad_member_keys (org_id, member_ref) SELECT ${orgId}, member_ref FROM (${refs}) refs ON CONFLICT (org_id, member_ref) DO NOTHING`);
}

export async function loadSegmentCompanies(db: Db, orgId: string, segmentId: string): Promise<SegmentCompanyRow[]> {
  await ensureKeys(db, orgId, sql`SELECT 'company:' || company_id AS member_ref FROM segment_members WHERE org_id = ${orgId} AND segment_id = ${segmentId}`);
  const rows = await queryRows<{ member_key: number; company_id: string; name: string | null; domain: string | null; country: string | null; org: string | null; page: string | null }>(
    db,
    sql`SELECT k.member_key, sm.company_id, co.name, co.domain, co.country,
               COALESCE(co.firmographics->>'linkedinOrganizationId', co.firmographics->>'linkedin_organization_id') AS org,
               COALESCE(co.firmographics->>'linkedinUrl', co.firmographics->>'linkedin_url', co.firmographics->>'linkedinPageUrl') AS page
          FROM segment_members sm
          JOIN ad_member_keys k ON k.org_id = sm.org_id AND k.member_ref = 'company:' || sm.company_id
          LEFT JOIN companies co ON co.id = sm.company_id
         WHERE sm.org_id = ${orgId} AND sm.segment_id = ${segmentId}`,
  );
  return rows.map((row) => ({
    memberKey: Number(row.member_key),
    companyId: row.company_id,
    name: row.name,
    domain: row.domain,
    country: row.country?.trim() ?? null,
    linkedinOrganization: row.org,
    linkedinPageUrl: row.page,
  }));
}

export async function loadSegmentPeople(db: Db, orgId: string, segmentId: string): Promise<SegmentPersonRow[]> {
  const people = peopleQuery(orgId, segmentId);
  await ensureKeys(db, orgId, sql`SELECT member_ref FROM (${people}) p`);
  const rows = await queryRows<{ member_key: number; name: string | null; email: string | null; phone: string | null; country: string | null }>(
    db,
    sql`SELECT k.member_key, p.name, p.email, p.phone, p.country FROM (${people}) p
          JOIN ad_member_keys k ON k.org_id = ${orgId} AND k.member_ref = p.member_ref`,
  );
  return rows.map((row) => ({ memberKey: Number(row.member_key), name: row.name, email: row.email, phone: row.phone, country: row.country?.trim() ?? null }));
}

/** The dry run's people count (its plan is pinned by adMembersPlan.int.test.ts: each lead's domain computed once). */
export function segmentPeopleCountQuery(orgId: string, segmentId: string): SQL {
  return sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE COALESCE(trim(email), '') <> '' OR COALESCE(trim(phone), '') <> '')::int AS identifiable
               FROM (${peopleQuery(orgId, segmentId)}) p`;
}

/** Dry run: accounts, people and identifiable people without writing anything. */
export async function countSegmentAudience(db: Db, orgId: string, segmentId: string): Promise<{ accountCount: number; accountsWithIdentifier: number; peopleCount: number; peopleWithIdentifier: number }> {
  const [accounts] = await queryRows<{ total: number; identifiable: number }>(
    db,
    sql`SELECT count(*)::int AS total,
               count(*) FILTER (WHERE co.domain IS NOT NULL OR co.firmographics ? 'linkedinUrl' OR co.firmographics ? 'linkedin_url')::int AS identifiable
          FROM segment_members sm LEFT JOIN companies co ON co.id = sm.company_id
         WHERE sm.org_id = ${orgId} AND sm.segment_id = ${segmentId}`,
  );
  const [people] = await queryRows<{ total: number; identifiable: number }>(db, segmentPeopleCountQuery(orgId, segmentId));
  return {
    accountCount: Number(accounts?.total ?? 0),
    accountsWithIdentifier: Number(accounts?.identifiable ?? 0),
    peopleCount: Number(people?.total ?? 0),
    peopleWithIdentifier: Number(people?.identifiable ?? 0),
  };
}

export interface MemberPayloadRow {
  readonly memberKey: number;
  readonly label: string;
  readonly payload: Record<string, string> | null;
  readonly rejection: string | null;
}

export async function upsertMemberPayloads(db: Db, orgId: string, channel: string, rows: readonly MemberPayloadRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1_000) {
    await db
      .insert(adMemberPayloads)
      .values(rows.slice(start, start + 1_000).map((row) => ({ orgId, channel, ...row })))
      .onConflictDoUpdate({
        target: [adMemberPayloads.orgId, adMemberPayloads.channel, adMemberPayloads.memberKey],
        set: { label: sql`excluded.label`, payload: sql`excluded.payload`, rejection: sql`excluded.rejection` },
      });
  }
}

export async function readMemberPayloads(db: Db, orgId: string, channel: string, memberKeys: readonly number[]): Promise<Map<number, MemberPayloadRow>> {
  const found = new Map<number, MemberPayloadRow>();
  for (let start = 0; start < memberKeys.length; start += 5_000) {
    const rows = await db
      .select()
      .from(adMemberPayloads)
      .where(and(eq(adMemberPayloads.orgId, orgId), eq(adMemberPayloads.channel, channel), inArray(adMemberPayloads.memberKey, memberKeys.slice(start, start + 5_000))));
    for (const row of rows) found.set(row.memberKey, { memberKey: row.memberKey, label: row.label, payload: row.payload, rejection: row.rejection });
  }
  return found;
}
