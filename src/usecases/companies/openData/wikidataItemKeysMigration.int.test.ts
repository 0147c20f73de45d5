import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/databases';
import { useOwnTestDatabase } from '../../../test/ownTestDatabase';
import { importSample } from './openDataSamples';

// Migration 0937: Wikidata items stored before their item-id key existed (`wikidata:Q…`, the identifier an
// operator's CSV row of the item claims) get it, as the import writes it, without waiting for their re-import.
// A database of the file's own: the test empties the master.

const migration = readFileSync(path.join(import.meta.dirname, '../../../adapters/db/migrations/0937_wikidata_item_lookup_keys.sql'), 'utf8');

describe.each(testDatabaseKinds())('migration 0937: the item-id key of Wikidata items stored before it existed (%s)', (kind) => {
  const own = useOwnTestDatabase(kind);

  const storedKeys = async () => ({
    identifiers: await own.database.query<{ source: string; source_id: string; identifiers: string[] }>('SELECT source, source_id, identifiers FROM company_sources ORDER BY source, source_id'),
    lookupKeys: await own.database.query<{ key: string; source: string; source_id: string }>('SELECT key, source, source_id FROM company_source_keys ORDER BY source, source_id, key'),
  });

  it('gives every stored item its wikidata:Q… identifier (after its LEI and CIK) and lookup key, as an import writes them, and nothing twice', async () => {
    await own.database.query('DELETE FROM companies WHERE org_id IS NULL');
    const importedAt = new Date('2026-12-06T10:00:00Z');
    for (const format of ['gleif', 'sec', 'wikidata'] as const) await importSample(own.database, format, { file: `${format}-sample`, importedAt });
    const asImported = await storedKeys();
    const items = asImported.identifiers.filter((row) => row.source === 'wikidata');
    expect(items.length).toBeGreaterThan(5);
    // An item carrying an LEI and a CIK: its identifiers in the order the import writes them.
    expect(items.find((row) => row.source_id === 'Q900006')?.identifiers).toEqual(['lei:5493001KJTIIGC8Y1R12', 'cik:0002222222', 'wikidata:Q900006']);

    // As the import wrote items before the key existed: no wikidata:Q… identifier, no such lookup key.
    await own.database.query(`UPDATE company_sources SET identifiers = array_remove(identifiers, 'wikidata:' || source_id) WHERE source = 'wikidata'`);
    await own.database.query(`DELETE FROM company_source_keys WHERE source = 'wikidata' AND key LIKE 'wikidata:%'`);
    const before = await storedKeys();
    expect(before.identifiers.find((row) => row.source_id === 'Q900006')?.identifiers).toEqual(['lei:5493001KJTIIGC8Y1R12', 'cik:0002222222']);
    expect(before.lookupKeys.filter((row) => row.key.startsWith('wikidata:'))).toEqual([]);

    await own.database.execScript(migration);
    expect(await storedKeys()).toEqual(asImported);
    // Run again (or on a database whose items were all written with the key): nothing changes.
    await own.database.execScript(migration);
    expect(await storedKeys()).toEqual(asImported);
  });
});
