import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExclusionSet } from '../../domain/matching/excludedDomains';
import { buildMasterIndex } from '../../domain/matching/masterIndex';
import { isSharedMasterIndex } from '../../domain/matching/masterIndexSharing';
import { matchAccounts } from '../../domain/matching/matchAccounts';
import { generateDemoCompanies } from '../demo/demoCompanies';
import { isCurrentSnapshot, loadMasterIndexSnapshot, saveMasterIndexSnapshot } from './masterIndexSnapshot';

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
    expect(Object.keys(loaded).sort()).toEqual(Object.keys(index).sort());
    expect(isCurrentSnapshot(file)).toBe(true);
    const shared = await loadMasterIndexSnapshot(file, { shared: true });
    expect(isSharedMasterIndex(shared)).toBe(true);
    expect(matchAccounts(shared, records, options)).toEqual(matchAccounts(index, records, options));
  });

  it('refuses a file that is not a snapshot, or is cut short, with the reason', async () => {
    const other = path.join(dir, 'other.bin');
    writeFileSync(other, 'company_id,name\n1,Acme\n');
    expect(isCurrentSnapshot(other)).toBe(false);
    await expect(loadMasterIndexSnapshot(other)).rejects.toThrow(/is not a master index snapshot/);
    const index = buildMasterIndex([{ companyId: '1', name: 'Acme Widgets', domain: 'acme.com', country: 'US' }]);
    const file = path.join(dir, 'cut.bin');
    await saveMasterIndexSnapshot(index, file);
    writeFileSync(file, readFileSync(file).subarray(0, -10));
    await expect(loadMasterIndexSnapshot(file)).rejects.toThrow(/is truncated/);
  });

  it('refuses a snapshot of the previous format (separate arrays per field), which is rebuilt rather than misread', async () => {
    const index = buildMasterIndex([{ companyId: '1', name: 'Acme Widgets', domain: 'acme.com', country: 'US' }]);
    const file = path.join(dir, 'format3.bin');
    await saveMasterIndexSnapshot(index, file);
    const current = readFileSync(file);
    expect(current.subarray(0, 8).toString()).toBe('OABMIDX4');
    // The same file under format 3's magic, as a snapshot saved before the fixed per-company record was.
    writeFileSync(file, Buffer.concat([Buffer.from('OABMIDX3'), current.subarray(8)]));
    expect(isCurrentSnapshot(file)).toBe(false);
    await expect(loadMasterIndexSnapshot(file)).rejects.toThrow(/is not a master index snapshot \(or one of an older format\)/);
  });
});
