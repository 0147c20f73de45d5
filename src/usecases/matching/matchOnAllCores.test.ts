import { afterAll, describe, expect, it } from 'vitest';
import { generateAccountRows } from '../../adapters/demo/demoAccountRows';
import { generateDemoCompanies } from '../../adapters/demo/demoCompanies';
import { MatchWorkerPool } from '../../adapters/matching/matchWorkerPool';
import { buildExclusionSet } from '../../domain/matching/excludedDomains';
import { buildMasterIndex } from '../../domain/matching/masterIndex';
import { isSharedMasterIndex, shareMasterIndex } from '../../domain/matching/masterIndexSharing';
import { matchAccounts } from '../../domain/matching/matchAccounts';
import { matchAccountsWithPrivate } from '../../domain/matching/privateCompanies';
import type { AccountInput } from '../../domain/matching/types';
import { matchOnAllCores } from './matchOnAllCores';

const companies = generateDemoCompanies(20_000, 5);
const master = buildMasterIndex(companies.map((c) => ({ companyId: c.companyId, name: c.name, domain: c.domain, country: c.country, completeness: 3 })));
const records: AccountInput[] = generateAccountRows(companies, 3_000, 11).map(({ rowId, name, domain, country }) => ({ rowId, name, domain, country }));
// A few private companies: some rows resolve to them, some to the master, some to neither.
const privateIndex = buildMasterIndex(
  generateDemoCompanies(300, 77).map((c) => ({ companyId: `p:org:${c.companyId}`, name: c.name, domain: c.domain, country: c.country })),
);
const options = { excludedDomains: buildExclusionSet(['example-partner.com']) };
const pool = new MatchWorkerPool({ size: 2 });

afterAll(async () => {
  await pool.close();
});

describe('matchOnAllCores', () => {
  it('gives the in-thread results exactly, duplicates included, on a shared index', async () => {
    const shared = shareMasterIndex(master);
    expect(isSharedMasterIndex(shared)).toBe(true);
    expect(isSharedMasterIndex(master)).toBe(false);
    const inThread = matchAccounts(master, records, options);
    const onThreads = await matchOnAllCores(shared, null, records, options, { pool, minRows: 1 });
    expect(onThreads).toStrictEqual(inThread);
    // The list exercises every status, so equality says something.
    expect(new Set(inThread.map((result) => result.status))).toEqual(new Set(['matched', 'duplicate', 'unmatched']));    // Every option reaches the threads: with the personal e-mail fallback off, the same results as in-thread again.
    const withoutFallback = { ...options, nameFallbackOnExcludedDomain: false };
    const inThreadWithout = matchAccounts(master, records, withoutFallback);
    expect(inThreadWithout).not.toEqual(inThread);
    expect(await matchOnAllCores(shared, null, records, withoutFallback, { pool, minRows: 1 })).toStrictEqual(inThreadWithout);
  });

  it('gives the in-thread results with private companies too, and from an index not yet shared', async () => {
    const mixed = [...records.slice(0, 500), ...generateAccountRows(generateDemoCompanies(300, 77), 200, 3).map(({ rowId, name, domain, country }) => ({ rowId: `x${rowId}`, name, domain, country }))];
    const inThread = matchAccountsWithPrivate(master, privateIndex, mixed, options);
    expect(inThread.some((result) => result.companyId?.startsWith('p:org:'))).toBe(true);
    expect(await matchOnAllCores(master, privateIndex, mixed, options, { pool, minRows: 1 })).toStrictEqual(inThread);
  });

  it('stays in-thread below the row threshold (no pool needed)', async () => {
    const few = records.slice(0, 50);
    const closed = new MatchWorkerPool({ size: 1 });
    await closed.close();
    // A closed pool would throw if it were used.
    expect(await matchOnAllCores(master, null, few, options, { pool: closed, minRows: 100 })).toEqual(matchAccounts(master, few, options));
    await expect(matchOnAllCores(master, null, few, options, { pool: closed, minRows: 1 })).rejects.toThrow(/closed/);
  });
});
