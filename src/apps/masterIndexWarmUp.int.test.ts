import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../domain/matching/csv';
import { createTestOrg } from '../test/createTestOrg';
import { importCompanies } from '../usecases/companies/importCompanies';
import { loadMasterIndex, masterIndexLoads } from '../usecases/matching/loadMasterIndex';
import { matchAccountsForOrg } from '../usecases/matching/matchAccountsForOrg';
import { testConfig } from './config';
import { startOpenabm } from './runtime';

// A worker process on its own PGlite data directory (index snapshots live there).
const dataDir = mkdtempSync(path.join(tmpdir(), 'openabm-warm-start-'));
const config = testConfig({ isSandbox: false, dataDir, port: 0, publicUrl: 'http://127.0.0.1:0' });

async function* chunksOf(text: string) {
  yield parseCsv(text);
}

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('openabm start loads the master index in the background', () => {
  it('after a restart the snapshot is loaded at start, and the first match rebuilds nothing', { timeout: 240_000 }, async () => {
    const first = await startOpenabm({ config, mode: 'worker' });
    try {
      await first.masterIndexReady;
      await importCompanies({ chunks: chunksOf('company_id,name,domain,country\nwarm-1,Tollund Marine Instruments,tollund-marine.dk,DK\nwarm-2,Brisa Azul Ceramica,brisa-azul.pt,PT\n') }, { db: first.deps.db });
      // The process matches once: the index of the new companies version is built and saved as its snapshot.
      expect((await loadMasterIndex(first.deps.db)).size).toBe(2);
    } finally {
      await first.close();
    }

    const restarted = await startOpenabm({ config, mode: 'worker' });
    try {
      expect(await restarted.masterIndexReady).toBe('snapshot');
      // Loaded at start, before any match asked for it.
      expect(masterIndexLoads(restarted.deps.db)).toEqual({ snapshot: 1, database: 0 });
      const { orgId } = await createTestOrg(restarted.deps.database);
      const { results } = await matchAccountsForOrg({ orgId, records: [{ rowId: '1', name: 'Tollund Marine Instruments ApS', country: 'Denmark' }] }, { db: restarted.deps.db });
      expect(results[0]).toMatchObject({ status: 'matched', companyId: 'warm-1' });
      expect(masterIndexLoads(restarted.deps.db)).toEqual({ snapshot: 1, database: 0 });
    } finally {
      await restarted.close();
    }
  });
});
