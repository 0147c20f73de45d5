import { sql } from 'drizzle-orm';
import { rowKeyOf } from '../../../domain/segments/resolveSourceRows';
import type { Db } from '../database';
import { queryRows } from '../segments/rows';

/** What scrubAddressFromUploadedLists changed, per kind (kept in the privacy request's deletion summary). */
export interface UploadScrubCounts {
  uploadedListCells: number;
  matchResultRows: number;
  segmentSourceRows: number;
  segmentMatchPicks: number;
  /** CRM accounts, contacts and leads kept from the CRM sync whose other fields held the address. */
  crmSyncedRows: number;
  /** The organisation's private companies (CSV imports) whose extra columns held the address. */
  privateCompanyRows: number;
}

/**
 * Rows copied from a CRM sync or a company file that may quote someone's address in a field (an account's
 * "Billing contact e-mail", a contact's "Assistant e-mail", a CSV's extra column): the jsonb column's string values
 * holding it become empty, a website holding it keeps the domain. The person's own contact and lead rows are
 * deleted before this (privacyRequests.ts deletePersonData).
 */
const FIELD_STORES: ReadonlyArray<{ label: 'crmSyncedRows' | 'privateCompanyRows'; table: string; key: readonly string[]; json: string; website?: string }> = [
  { label: 'crmSyncedRows', table: 'crm_accounts', key: ['provider', 'external_id'], json: 'fields', website: 'website' },
  { label: 'crmSyncedRows', table: 'crm_contacts', key: ['provider', 'external_id'], json: 'fields' },
  { label: 'crmSyncedRows', table: 'crm_leads', key: ['provider', 'external_id'], json: 'fields', website: 'website' },
  { label: 'privateCompanyRows', table: 'companies', key: ['id'], json: 'firmographics' },
];

/** The address as a whole token (not part of a longer address), case-insensitive. */
function addressPattern(address: string): RegExp {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9._%+\\-])${escaped}(?![A-Za-z0-9_%+\\-]|\\.[A-Za-z0-9])`, 'i');
}

export function normalisedAddress(email: string): { address: string; domain: string } {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) throw new Error(`"${email}" is not an e-mail address`);
  return { address, domain: address.slice(at + 1) };
}

/**
 * A value without the address: undefined when the value does not hold it; else the address's domain for a domain
 * value, an empty string for any other value.
 */
export function scrubValue(value: string | null | undefined, address: { pattern: RegExp; domain: string }, kind: 'domain' | 'free'): string | undefined {
  if (value === null || value === undefined || !address.pattern.test(value)) return undefined;
  return kind === 'domain' ? address.domain : '';
}

/**
 * Removes one e-mail address from what uploaded account lists left behind in an organisation: the uploaded lines'
 * cells, the matching engine's per-row inputs, the segments' stored source rows, and the users' hand picks keyed by
 * row; and from the fields of CRM-synced rows and private companies (FIELD_STORES). A domain value holding the
 * address keeps the address's domain (not personal data; it still helps matching); any other value holding it
 * becomes empty. Row keys (`row:name|domain|country`, rowKeyOf) are recomputed from the rewritten values, in the
 * source rows and in the picks alike, so the next refresh (which computes them from the rewritten cells) and a later
 * hand fix still find their row. Run inside the request's transaction; every statement is scoped to orgId.
 */
export async function scrubAddressFromUploadedLists(db: Db, orgId: string, email: string): Promise<UploadScrubCounts> {
  const { address, domain } = normalisedAddress(email);
  const target = { pattern: addressPattern(address), domain };
  const scrubNullable = (value: string | null, kind: 'domain' | 'free'): string | null => {
    const scrubbed = scrubValue(value, target, kind);
    if (scrubbed === undefined) return value;
    return scrubbed === '' ? null : scrubbed;
  };
  const counts: UploadScrubCounts = { uploadedListCells: 0, matchResultRows: 0, segmentSourceRows: 0, segmentMatchPicks: 0, crmSyncedRows: 0, privateCompanyRows: 0 };

  // 1. The uploaded lines: the mapped domain column keeps the domain, every other cell holding the address empties.
  const lines = await queryRows<{ list_id: string; line_number: number; cells: string[]; domain_column: number | string | null }>(
    db,
    sql`SELECT r.list_id, r.line_number, r.cells, l.column_mapping ->> 'domain' AS domain_column
        FROM uploaded_list_rows r JOIN uploaded_lists l ON l.id = r.list_id AND l.org_id = r.org_id
        WHERE r.org_id = ${orgId} AND strpos(lower(r.cells::text), ${address}) > 0`,
  );
  for (const line of lines) {
    const domainColumn = line.domain_column === null ? -1 : Number(line.domain_column);
    let changed = 0;
    const cells = line.cells.map((cell, index) => {
      const scrubbed = scrubValue(cell, target, index === domainColumn ? 'domain' : 'free');
      if (scrubbed === undefined) return cell;
      changed++;
      return scrubbed;
    });
    if (changed === 0) continue;
    counts.uploadedListCells += changed;
    await db.execute(
      sql`UPDATE uploaded_list_rows SET cells = ${JSON.stringify(cells)}::jsonb WHERE org_id = ${orgId} AND list_id = ${line.list_id} AND line_number = ${line.line_number}`,
    );
  }

  // 2. The segments' stored source rows, with their row keys recomputed as a refresh computes them.
  const sourceRows = await queryRows<{ segment_id: string; row_number: number; row_key: string; name: string | null; domain: string | null; country: string | null }>(
    db,
    sql`SELECT segment_id, row_number, row_key, name, domain, country FROM segment_source_rows
        WHERE org_id = ${orgId} AND strpos(lower(concat_ws('|', row_key, name, domain, country)), ${address}) > 0`,
  );
  const rekeyed = new Map<string, string>();
  for (const row of sourceRows) {
    const name = scrubNullable(row.name, 'free');
    const rowDomain = scrubNullable(row.domain, 'domain');
    const country = scrubNullable(row.country, 'free');
    const rowKey = row.row_key.startsWith('row:') ? rowKeyOf({ name, domain: rowDomain, country }) : row.row_key;
    if (name === row.name && rowDomain === row.domain && country === row.country && rowKey === row.row_key) continue;
    if (rowKey !== row.row_key) rekeyed.set(`${row.segment_id}\n${row.row_key}`, rowKey);
    counts.segmentSourceRows++;
    await db.execute(
      sql`UPDATE segment_source_rows SET name = ${name}, domain = ${rowDomain}, country = ${country}, row_key = ${rowKey}
          WHERE org_id = ${orgId} AND segment_id = ${row.segment_id} AND row_number = ${row.row_number}`,
    );
  }

  // 3. The hand picks keyed by those rows: the same new key (a pick of a row no longer stored is re-keyed from its
  //    own key's parts, name|domain|country read from the right). A pick whose new key another pick already holds
  //    gives way to it.
  const picks = await queryRows<{ segment_id: string; row_key: string }>(
    db,
    sql`SELECT segment_id, row_key FROM segment_match_overrides WHERE org_id = ${orgId} AND strpos(row_key, ${address}) > 0`,
  );
  for (const pick of picks) {
    const rowKey = rekeyed.get(`${pick.segment_id}\n${pick.row_key}`) ?? rekeyFromParts(pick.row_key, scrubNullable);
    if (rowKey === pick.row_key) continue;
    counts.segmentMatchPicks++;
    const taken = await queryRows<unknown>(db, sql`SELECT 1 FROM segment_match_overrides WHERE org_id = ${orgId} AND segment_id = ${pick.segment_id} AND row_key = ${rowKey}`);
    if (taken.length > 0) {
      await db.execute(sql`DELETE FROM segment_match_overrides WHERE org_id = ${orgId} AND segment_id = ${pick.segment_id} AND row_key = ${pick.row_key}`);
    } else {
      await db.execute(sql`UPDATE segment_match_overrides SET row_key = ${rowKey} WHERE org_id = ${orgId} AND segment_id = ${pick.segment_id} AND row_key = ${pick.row_key}`);
    }
  }

  // 4. The matching engine's per-row inputs (the segments' batches and any other batch of the organisation).
  const results = await queryRows<{ batch_id: string; row_index: number; input_name: string | null; input_domain: string | null; input_country: string | null }>(
    db,
    sql`SELECT batch_id, row_index, input_name, input_domain, input_country FROM match_results
        WHERE org_id = ${orgId} AND strpos(lower(concat_ws('|', input_name, input_domain, input_country)), ${address}) > 0`,
  );
  for (const result of results) {
    const name = scrubNullable(result.input_name, 'free');
    const inputDomain = scrubNullable(result.input_domain, 'domain');
    const country = scrubNullable(result.input_country, 'free');
    if (name === result.input_name && inputDomain === result.input_domain && country === result.input_country) continue;
    counts.matchResultRows++;
    await db.execute(
      sql`UPDATE match_results SET input_name = ${name}, input_domain = ${inputDomain}, input_country = ${country}
          WHERE org_id = ${orgId} AND batch_id = ${result.batch_id} AND row_index = ${result.row_index}`,
    );
  }

  // 5. Fields of CRM-synced rows and private companies quoting the address.
  for (const store of FIELD_STORES) {
    const website = store.website ? sql.identifier(store.website) : sql`NULL::text`;
    const keys = sql.join(store.key.map((column) => sql`${sql.identifier(column)}::text`), sql`, `);
    const found = await queryRows<{ key: string[]; json: unknown; website: string | null }>(
      db,
      sql`SELECT ARRAY[${keys}] AS key, ${sql.identifier(store.json)} AS json, ${website} AS website FROM ${sql.identifier(store.table)}
          WHERE org_id = ${orgId} AND strpos(lower(concat_ws('|', ${sql.identifier(store.json)}::text, ${website})), ${address}) > 0`,
    );
    for (const row of found) {
      const json = scrubJson(row.json, target);
      const newWebsite = scrubNullable(row.website, 'domain');
      if (json === row.json && newWebsite === row.website) continue;
      counts[store.label]++;
      const where = sql.join(store.key.map((column, index) => sql`${sql.identifier(column)}::text = ${row.key[index]}`), sql` AND `);
      const setWebsite = store.website ? sql`, ${sql.identifier(store.website)} = ${newWebsite}` : sql``;
      await db.execute(sql`UPDATE ${sql.identifier(store.table)} SET ${sql.identifier(store.json)} = ${JSON.stringify(json)}::jsonb ${setWebsite} WHERE org_id = ${orgId} AND ${where}`);
    }
  }
  return counts;
}

/** A JSON value with every string holding the address emptied; the same object when nothing held it. */
function scrubJson(value: unknown, target: { pattern: RegExp; domain: string }): unknown {
  if (typeof value === 'string') return scrubValue(value, target, 'free') ?? value;
  if (Array.isArray(value)) {
    const items = value.map((item) => scrubJson(item, target));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, scrubJson(item, target)] as const);
    return entries.some(([key, item]) => item !== (value as Record<string, unknown>)[key]) ? Object.fromEntries(entries) : value;
  }
  return value;
}

function rekeyFromParts(rowKey: string, scrub: (value: string | null, kind: 'domain' | 'free') => string | null): string {
  if (!rowKey.startsWith('row:')) return rowKey;
  const parts = rowKey.slice('row:'.length).split('|');
  if (parts.length < 3) return rowKey;
  const country = parts.pop() ?? '';
  const domain = parts.pop() ?? '';
  const name = parts.join('|');
  return rowKeyOf({ name: scrub(name, 'free'), domain: scrub(domain, 'domain'), country: scrub(country, 'free') });
}
