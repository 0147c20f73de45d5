import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { masterCompaniesVersion } from '../../adapters/db/repositories/masterCompaniesVersion';
import { generateDemoCompanies } from '../../adapters/demo/demoCompanies';
import { parseCsv } from '../../domain/matching/csv';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase } from '../../test/databases';
import { importCompanies } from '../companies/importCompanies';
import { forgetMasterIndex, keepMasterIndexSnapshots, loadMasterIndex, masterIndexLoads, masterIndexSnapshotFile, warmMasterIndex } from './loadMasterIndex';
import { matchAccountsForOrg } from './matchAccountsForOrg';

// PGlite only, as masterIndexSnapshots.int.test.ts: the snapshot directory is per database.
const companies = generateDemoCompanies(300, 47);
const csv = ['company_id,name,domain,country', ...companies.map((c) => [c.companyId, `"${c.name}"`, c.domain, c.country].join(','))].join('\n');

async function* chunksOf(text: string) {
  yield parseCsv(text);
}

describe('the master index warmed up as a process starts (PGlite)', () => {
  let database: Database;
  const dirs: string[] = [];
  const snapshotDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openabm-warm-index-'));
    dirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await importCompanies({ chunks: chunksOf(csv) }, { db: database.db });
  });
  afterAll(async () => {
    await database.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const firstMatch = async () => {
    const { orgId } = await createTestOrg(database);
    const company = companies[7];
    const { results } = await matchAccountsForOrg({ orgId, records: [{ rowId: '1', name: company?.name ?? '', domain: company?.domain ?? '', country: company?.country ?? '' }] }, { db: database.db });
    expect(results[0]).toMatchObject({ status: 'matched', companyId: company?.companyId });
  };

  it('loads the snapshot of the current companies version: the first match after the restart loads nothing again', async () => {
    keepMasterIndexSnapshots(database.db, snapshotDir());
    const saved = await loadMasterIndex(database.db);
    // A restarted process: nothing in memory, the snapshot on disk.
    forgetMasterIndex(database.db);
    const before = masterIndexLoads(database.db);
    const warmUp = warmMasterIndex(database.db);
    expect(await warmUp.done).toBe('snapshot');
    const warmedUp = { snapshot: before.snapshot + 1, database: before.database };
    expect(masterIndexLoads(database.db)).toEqual(warmedUp);
    const warmed = await loadMasterIndex(database.db);
    expect(warmed.size).toBe(saved.size);
    await firstMatch();
    expect(await loadMasterIndex(database.db)).toBe(warmed);
    expect(masterIndexLoads(database.db)).toEqual(warmedUp);
  });

  it('builds and saves the index when there is no snapshot, and a match arriving meanwhile waits for that same build', async () => {
    const dir = snapshotDir();
    keepMasterIndexSnapshots(database.db, dir);
    forgetMasterIndex(database.db);
    const before = masterIndexLoads(database.db);
    const warmedUp = { snapshot: before.snapshot, database: before.database + 1 };
    const warmUp = warmMasterIndex(database.db);
    // Not awaited: the match comes while the warm-up is still reading the companies.
    await firstMatch();
    expect(await warmUp.done).toBe('database');
    expect(masterIndexLoads(database.db)).toEqual(warmedUp);
    expect(existsSync(masterIndexSnapshotFile(dir, await masterCompaniesVersion(database.db)))).toBe(true);
    await firstMatch();
    expect(masterIndexLoads(database.db)).toEqual(warmedUp);
  });

  it('a warm-up stopped at shutdown gives up quietly, and a later load still works', async () => {
    keepMasterIndexSnapshots(database.db, snapshotDir());
    forgetMasterIndex(database.db);
    const errors: unknown[] = [];
    const warmUp = warmMasterIndex(database.db, { onError: (error) => errors.push(error) });
    warmUp.stop();
    expect(await warmUp.done).toBeUndefined();
    expect(errors).toEqual([]);
    await firstMatch();
  });
});
