import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { masterCompaniesVersion } from '../../adapters/db/repositories/masterCompaniesVersion';
import { generateDemoCompanies } from '../../adapters/demo/demoCompanies';
import { generateAccountRows } from '../../adapters/demo/demoAccountRows';
import { MatchWorkerPool } from '../../adapters/matching/matchWorkerPool';
import { parseCsv } from '../../domain/matching/csv';
import { isSharedMasterIndex } from '../../domain/matching/masterIndexSharing';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase } from '../../test/databases';
import { addPrivateCompany } from '../companies/addPrivateCompany';
import { importCompanies } from '../companies/importCompanies';
import { forgetMasterIndex, keepMasterIndexSnapshots, loadMasterIndex, masterIndexSnapshotFile, masterIndexSource } from './loadMasterIndex';
import { matchAccountsForOrg } from './matchAccountsForOrg';

// PGlite only: the snapshot directory is per database, and the shared test PostgreSQL is written by every test file at once.
const companies = generateDemoCompanies(400, 31);
const csv = ['company_id,name,domain,country', ...companies.map((c) => [c.companyId, `"${c.name}"`, c.domain, c.country].join(','))].join('\n');

async function* chunksOf(text: string) {
  yield parseCsv(text);
}

describe('master index snapshots per companies version (PGlite)', () => {
  let database: Database;
  const dir = mkdtempSync(path.join(tmpdir(), 'openabm-index-snapshots-'));
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    keepMasterIndexSnapshots(database.db, dir);
    await importCompanies({ chunks: chunksOf(csv) }, { db: database.db });
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves a snapshot on first build, loads it after a restart, and replaces it when an import changes the master', async () => {
    const version = await masterCompaniesVersion(database.db);
    const built = await loadMasterIndex(database.db);
    expect(masterIndexSource(built)).toBe('database');
    expect(isSharedMasterIndex(built)).toBe(true);
    const file = masterIndexSnapshotFile(dir, version);
    expect(existsSync(file)).toBe(true);
    expect(await loadMasterIndex(database.db)).toBe(built);

    // A restarted process (no index in memory) reads the snapshot instead of the companies table.
    forgetMasterIndex(database.db);
    const loaded = await loadMasterIndex(database.db);
    expect(masterIndexSource(loaded)).toBe('snapshot');
    expect(isSharedMasterIndex(loaded)).toBe(true);
    expect(loaded.size).toBe(built.size);

    // A private company is not the master's: same version, same snapshot.
    const { orgId } = await createTestOrg(database);
    await addPrivateCompany({ orgId, input: { name: 'Orvelline Private Works', country: 'FR' } }, { db: database.db });
    expect(await masterCompaniesVersion(database.db)).toBe(version);

    // An import of master companies changes the version: the index is rebuilt with the new company, the old snapshot goes.
    await importCompanies({ chunks: chunksOf('company_id,name,domain,country\nsnap-new,Quintavelle Robotics,quintavelle-robotics.com,DE\n') }, { db: database.db });
    const newVersion = await masterCompaniesVersion(database.db);
    expect(newVersion).not.toBe(version);
    const rebuilt = await loadMasterIndex(database.db);
    expect(masterIndexSource(rebuilt)).toBe('database');
    expect(rebuilt.size).toBe(built.size + 1);
    expect(existsSync(masterIndexSnapshotFile(dir, newVersion))).toBe(true);
    expect(readdirSync(dir)).toEqual([path.basename(masterIndexSnapshotFile(dir, newVersion))]);
    const { results } = await matchAccountsForOrg({ orgId, records: [{ rowId: '1', name: 'Quintavelle Robotics GmbH', country: 'Germany' }] }, { db: database.db });
    expect(results[0]).toMatchObject({ status: 'matched', companyId: 'snap-new' });
  });

  it('matches a list on the worker pool exactly as in-thread, through the use case', async () => {
    const { orgId } = await createTestOrg(database);
    const records = generateAccountRows(companies, 300, 5).map(({ rowId, name, domain, country }) => ({ rowId, name, domain, country }));
    const pool = new MatchWorkerPool({ size: 2 });
    try {
      const onThreads = await matchAccountsForOrg({ orgId, records }, { db: database.db, matchThreads: { pool, minRows: 1 } });
      const inThread = await matchAccountsForOrg({ orgId, records }, { db: database.db, matchThreads: { pool: null, minRows: 1 } });
      expect(onThreads.results).toEqual(inThread.results);
      expect(onThreads.summary).toEqual(inThread.summary);
      expect(onThreads.summary.matched).toBeGreaterThan(150);
    } finally {
      await pool.close();
    }
  });
});
