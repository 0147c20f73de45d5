import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMasterIndexSnapshot, saveMasterIndexSnapshot } from './masterIndexSnapshot';
import { buildExclusionSet } from '../../domain/matching/excludedDomains';
import { buildMasterIndex, MasterIndexBuilder, type MasterIndex } from '../../domain/matching/masterIndex';
import { matchAccounts } from '../../domain/matching/matchAccounts';
import { companyIdOfRow } from '../../domain/matching/masterIndexRows';
import { mergeMasterIndexParts } from '../../domain/matching/mergeMasterIndexParts';
import type { AccountInput, MasterCompanyInput } from '../../domain/matching/types';

// A company's other names (GLEIF's trading, previous and transliterated names) are rows of the same company in the
// index (MasterIndex.primaryRows): a row naming any of them finds the company, once.
const master: MasterCompanyInput[] = [
  { companyId: 'lei:KESTREL', name: 'Kestrel Lebensmittel GmbH', domain: '', country: 'DE', otherNames: ['Kestrel Foods', 'Kestrel Nahrung GmbH', 'KESTREL LEBENSMITTEL'] },
  { companyId: 'lei:ORBITAL', name: 'Orbital Datensysteme AG', domain: 'orbital-data.de', country: 'DE', otherNames: ['Orbital Data Systems'] },
  { companyId: 'C-QUAY', name: 'Quayside Foods Ltd', domain: 'quaysidefoods.co.uk', country: 'GB' },
  ...['Foods', 'Data', 'Systems', 'Holdings', 'Group'].flatMap((word) =>
    ['Acorn', 'Birch', 'Cedar', 'Dune', 'Ember', 'Fjord', 'Gale', 'Heath', 'Isle', 'Juno'].map((brand, n) => ({ companyId: `F-${word}-${n}`, name: `${brand} ${word}`, domain: '', country: 'DE' })),
  ),
];
const options = { excludedDomains: buildExclusionSet() };
const match = (index: MasterIndex, records: AccountInput[]) => matchAccounts(index, records, options);

describe('other names of master companies', () => {
  const index = buildMasterIndex(master);

  it('keys each distinct other name as a row of its company, and no row for a spelling of the main name', () => {
    // Kestrel: main + 2 other names ("KESTREL LEBENSMITTEL" is the main name again); Orbital: main + 1.
    expect(index.size).toBe(master.length + 3);
    expect(index.primaryRows).toBeDefined();
    const rowsOf = (id: string) => Array.from({ length: index.size }, (_, row) => row).filter((row) => companyIdOfRow(index, row) === id);
    expect(rowsOf('lei:KESTREL').map((row) => index.primaryRows?.[row])).toEqual([0, 0, 0]);
    expect(rowsOf('C-QUAY').map((row) => index.primaryRows?.[row])).toEqual([rowsOf('C-QUAY')[0]]);
    // An index without other names has no primaryRows at all (nothing more to store or read).
    expect(buildMasterIndex(master.map(({ otherNames: _otherNames, ...company }) => company)).primaryRows).toBeUndefined();
  });

  it('matches a row written with the trading name, and one written with the legal name, to the same company', () => {
    const results = match(index, [
      { rowId: 'trading', name: 'Kestrel Foods', country: 'Germany' },
      { rowId: 'legal', name: 'Kestrel Lebensmittel', country: 'DE' },
      { rowId: 'previous', name: 'Kestrel Nahrung', country: 'DE' },
    ]);
    expect(results.map((result) => [result.rowId, result.status, result.companyId])).toEqual([
      ['trading', 'matched', 'lei:KESTREL'],
      // The same company again: a duplicate of the first row, not a second company.
      ['legal', 'duplicate', 'lei:KESTREL'],
      ['previous', 'duplicate', 'lei:KESTREL'],
    ]);
  });

  it('a row that hits the legal and the other name of one company is matched, not ambiguous, and offered it once', () => {
    // "Orbital Data Systems" with the company's domain: the main row by domain, the other-name row by name.
    const [result] = match(index, [{ rowId: '1', name: 'Orbital Data Systems', domain: 'orbital-data.de', country: 'DE' }]);
    expect(result).toMatchObject({ status: 'matched', companyId: 'lei:ORBITAL' });
    expect(result?.candidates.filter((candidate) => candidate.companyId === 'lei:ORBITAL')).toHaveLength(1);
    const [weak] = match(index, [{ rowId: '2', name: 'Orbital Data', country: 'DE' }]);
    expect(new Set(weak?.candidates.map((candidate) => candidate.companyId)).size).toBe(weak?.candidates.length);
  });

  it('does not give an other name to another company with a similar name', () => {
    const [result] = match(index, [{ rowId: '1', name: 'Quayside Foods', country: 'GB' }]);
    expect(result).toMatchObject({ status: 'matched', companyId: 'C-QUAY' });
    const [kestrelUk] = match(index, [{ rowId: '1', name: 'Kestrel Foods', country: 'GB' }]);
    // The other name carries its company's country: in another country it is no match.
    expect(kestrelUk?.status).toBe('unmatched');
  });

  it('builder parts merge to the same index (parallel builds), and snapshots keep the rows of other names', async () => {
    const first = new MasterIndexBuilder();
    const second = new MasterIndexBuilder();
    // The part without other names comes first: the merge gives its rows their own primary.
    master.slice(2).forEach((company) => first.add(company));
    master.slice(0, 2).forEach((company) => second.add(company));
    const merged = mergeMasterIndexParts([first.takePart(), second.takePart()]);
    const single = buildMasterIndex([...master.slice(2), ...master.slice(0, 2)]);
    expect(Array.from(merged.primaryRows ?? [])).toEqual(Array.from(single.primaryRows ?? []));
    expect(Array.from(merged.keyCompanies)).toEqual(Array.from(single.keyCompanies));
    expect(match(merged, [{ rowId: '1', name: 'Kestrel Foods', country: 'DE' }])[0]).toMatchObject({ status: 'matched', companyId: 'lei:KESTREL' });

    const dir = mkdtempSync(path.join(tmpdir(), 'openabm-other-names-'));
    try {
      const file = path.join(dir, 'index.idx');
      await saveMasterIndexSnapshot(index, file);
      const loaded = await loadMasterIndexSnapshot(file);
      expect(Array.from(loaded.primaryRows ?? [])).toEqual(Array.from(index.primaryRows ?? []));
      expect(match(loaded, [{ rowId: '1', name: 'Kestrel Foods', country: 'DE' }])[0]).toMatchObject({ status: 'matched', companyId: 'lei:KESTREL' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
