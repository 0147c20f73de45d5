// Tenant rows that name a master company by id (company_id text columns, no foreign key: master ids outlive
// imports). When an open data import finds that two master companies are one (a record re-imported with an LEI or
// CIK another company's record has), the company merged away must leave no row pointing at nothing: its references
// are moved to the surviving company in the import's transaction.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { textArray } from './companySources';

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
 * Points every reference to a merged-away company at its survivor (`moves`: merged-away id → survivor id; chains
 * resolved by the caller), in every org, candidate lists included. One statement per table for all the moves of an
 * import: the tables are read by company id without an org (web_visits, match_results have no index for that), so
 * each is scanned once, not once per merged company. Audience member keys of ad syncs (`company:<id>`) are left as
 * they are: they record what was sent to a channel, and the next sync sends the change (the old company out, the
 * survivor in) from the segment's members.
 */
export async function moveCompanyReferences(db: Db, moves: ReadonlyMap<string, string>): Promise<void> {
  if (moves.size === 0) return;
  const froms = textArray([...moves.keys()]);
  const mapping = (alias: string) => sql`unnest(${froms}, ${textArray([...moves.values()])}) AS ${sql.identifier(alias)} (from_id, to_id)`;
  for (const { table, uniqueWith, candidates } of companyReferenceTables) {
    const name = sql.identifier(table);
    if (uniqueWith) {
      const sameRow = sql.join(
        uniqueWith.map((column) => sql`kept.${sql.identifier(column)} = moved.${sql.identifier(column)}`),
        sql` AND `,
      );
      // A row the survivor already has, or that another company merged into it brings too, is kept once.
      await db.execute(sql`DELETE FROM ${name} AS moved USING ${mapping('moves')}
        WHERE moved.company_id = moves.from_id AND (
          EXISTS (SELECT 1 FROM ${name} AS kept WHERE kept.company_id = moves.to_id AND ${sameRow})
          OR EXISTS (SELECT 1 FROM ${name} AS kept JOIN ${mapping('others')} ON kept.company_id = others.from_id
                     WHERE others.to_id = moves.to_id AND kept.company_id < moved.company_id AND ${sameRow}))`);
    }
    await db.execute(sql`UPDATE ${name} AS moved SET company_id = moves.to_id FROM ${mapping('moves')} WHERE moved.company_id = moves.from_id`);
    if (candidates) {
      // A candidate list names a company once: of two entries that become the same company, the better ranked stays.
      await db.execute(sql`UPDATE ${name} AS moved SET candidates = (
          SELECT coalesce(jsonb_agg(candidate ORDER BY position), '[]'::jsonb) FROM (
            SELECT DISTINCT ON (coalesce(moves.to_id, entry ->> 'companyId', '#' || position))
              CASE WHEN moves.to_id IS NULL THEN entry ELSE jsonb_set(entry, '{companyId}', to_jsonb(moves.to_id)) END AS candidate, position
            FROM jsonb_array_elements(moved.candidates) WITH ORDINALITY AS entries (entry, position)
            LEFT JOIN ${mapping('moves')} ON moves.from_id = entry ->> 'companyId'
            ORDER BY coalesce(moves.to_id, entry ->> 'companyId', '#' || position), position) AS kept)
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(moved.candidates) AS entry WHERE entry ->> 'companyId' = ANY(${froms}))`);
    }
  }
}

/** Master companies merged into others (their records and references moved first) are removed from the master. */
export async function deleteMergedMasterCompanies(db: Db, companyIds: readonly string[]): Promise<void> {
  if (companyIds.length === 0) return;
  await db.execute(sql`DELETE FROM companies WHERE id = ANY(${textArray(companyIds)}) AND org_id IS NULL`);
}
