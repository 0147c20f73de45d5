import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recogniseAccountColumns } from '../../domain/matching/accountColumns';
import { parseCsv } from '../../domain/matching/csv';
import { buildExclusionSet } from '../../domain/matching/excludedDomains';
import { buildMasterIndex } from '../../domain/matching/masterIndex';
import { matchAccounts } from '../../domain/matching/matchAccounts';
import { summarizeResults } from '../../domain/matching/types';
import { generateDemoCompanies } from './demoCompanies';
import { sandboxSampleAccountsCsv, sandboxSampleAccountsPath } from './sandboxSampleAccounts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('the sandbox sample account list', () => {
  it('is the file the web UI serves, and most of its rows match the sandbox master', () => {
    const master = generateDemoCompanies();
    const csv = sandboxSampleAccountsCsv(master);
    expect(readFileSync(path.join(repoRoot, sandboxSampleAccountsPath), 'utf8')).toBe(csv);
    const [header, ...rows] = parseCsv(csv);
    const columns = recogniseAccountColumns(header?.fields ?? [], 1);
    const records = rows.map((row, n) => ({ rowId: String(n + 1), name: row.fields[columns.name] ?? '', domain: row.fields[columns.domain] ?? '', country: row.fields[columns.country] ?? '' }));
    const index = buildMasterIndex(master.map((c) => ({ companyId: c.companyId, name: c.name, domain: c.domain, country: c.country })));
    const summary = summarizeResults(matchAccounts(index, records, { excludedDomains: buildExclusionSet() }));
    expect(summary.inputRows).toBe(200);
    expect(summary.matched + summary.duplicates).toBeGreaterThan(160);
    expect(summary.unmatched).toBeGreaterThan(5);
  });
});
