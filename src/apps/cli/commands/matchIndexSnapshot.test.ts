import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExclusionSet } from '../../../domain/matching/excludedDomains';
import { buildMasterIndex } from '../../../domain/matching/masterIndex';
import { matchAccounts } from '../../../domain/matching/matchAccounts';
import { generateDemoCompanies } from '../../../adapters/demo/demoCompanies';
import { loadMasterIndexSnapshot, saveMasterIndexSnapshot } from './matchIndexSnapshot';

const dir = mkdtempSync(path.join(tmpdir(), 'openabm-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('master index snapshots', () => {
  it('match exactly like the index they were saved from', async () => {
    const companies = generateDemoCompanies(3_000, 5);
    const index = buildMasterIndex(companies.map((c) => ({ companyId: c.companyId, name: c.name, domain: c.domain, country: c.country, completeness: 3 })));
    const file = path.join(dir, 'index.bin');
    await saveMasterIndexSnapshot(index, file);
    const loaded = await loadMasterIndexSnapshot(file);
    const records = companies.slice(0, 300).map((c, n) => ({ rowId: String(n), name: n % 2 ? c.name.toUpperCase() : c.name, domain: n % 3 ? '' : c.domain, country: c.country }));
    const options = { excludedDomains: buildExclusionSet() };
    expect(matchAccounts(loaded, records, options)).toEqual(matchAccounts(index, records, options));
    expect(loaded.size).toBe(index.size);
  });
});
