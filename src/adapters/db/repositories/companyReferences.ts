// Tenant rows that name a master company by id (company_id text columns, no foreign key: master ids outlive
// imports). When an open data import finds that two master companies are one (a record re-imported with an LEI or
// CIK another company's record has), the company merged away must leave no row pointing at nothing: its references
// are moved to the surviving company in the import's transaction.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';

/**
 * Every table with a company_id column naming a master company, and the columns that make a row unique beside it
 * (a row of the merged-away company that the survivor already has — a segment member, a list's company — is the same
 * fact once: it is dropped, not duplicated). companyReferences.int.test.ts checks this list against the schema.
 */
export const companyReferenceTables: readonly { table: string; uniqueWith?: readonly string[]; candidates?: boolean }[] = [
  { table: 'match_results', candidates: true },
  { table: 'segment_source_rows', candidates: true },
  { table: 'segment_match_overrides' },
  { table: 'segment_members', uniqueWith: ['segment_id'] },
  { table: 'segment_membership_changes', uniqueWith: ['refresh_id'] },
  { table: 'segment_source_companies', uniqueWith: ['org_id', 'source_key'] },
  { table: 'crm_account_companies' },
  { table: 'web_visits' },
  { table: 'web_ip_ranges' },
];

/**
 * Points every reference to company `fromId` at `toId` (in every org), candidates lists included. Audience member
 * keys of ad syncs (`company:<id>`) are left as they are: they record what was sent to a channel, and the next sync
 * sends the change (the old company out, the survivor in) from the segment's members.
 */
export async function moveCompanyReferences(db: Db, fromId: string, toId: string): Promise<void> {
  for (const { table, uniqueWith, candidates } of companyReferenceTables) {
    const name = sql.identifier(table);
    if (uniqueWith) {
      const sameRow = sql.join(
        uniqueWith.map((column) => sql`kept.${sql.identifier(column)} = moved.${sql.identifier(column)}`),
        sql` AND `,
      );
      await db.execute(sql`DELETE FROM ${name} AS moved WHERE moved.company_id = ${fromId} AND EXISTS (SELECT 1 FROM ${name} AS kept WHERE kept.company_id = ${toId} AND ${sameRow})`);
    }
    await db.execute(sql`UPDATE ${name} SET company_id = ${toId} WHERE company_id = ${fromId}`);
    if (candidates) {
      // A candidate list holds a company once: the survivor's entry, if it is there too, is kept.
      await db.execute(sql`UPDATE ${name} SET candidates = (
          SELECT coalesce(jsonb_agg(CASE WHEN candidate ->> 'companyId' = ${fromId} THEN jsonb_set(candidate, '{companyId}', to_jsonb(${toId}::text)) ELSE candidate END ORDER BY position), '[]'::jsonb)
          FROM jsonb_array_elements(candidates) WITH ORDINALITY AS entries (candidate, position)
          WHERE NOT (candidate ->> 'companyId' = ${fromId} AND candidates @> ${JSON.stringify([{ companyId: toId }])}::jsonb))
        WHERE candidates @> ${JSON.stringify([{ companyId: fromId }])}::jsonb`);
    }
  }
}

/** A master company merged into another (its records and references moved first) is removed from the master. */
export async function deleteMergedMasterCompany(db: Db, companyId: string): Promise<void> {
  await db.execute(sql`DELETE FROM companies WHERE id = ${companyId} AND org_id IS NULL`);
}
