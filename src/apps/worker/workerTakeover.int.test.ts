// Two `openabm worker` processes on PostgreSQL: one is killed with SIGKILL in the middle of a CRM data sync and of a
// segment refresh; the heartbeat stops, pg-boss fails the jobs over, and the other worker finishes both from their
// checkpoints, with nothing lost or written twice. PostgreSQL only (separate processes cannot share PGlite).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { demoReportIds, startSalesforceEmulator, type SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import type { JobQueue } from '../../ports/jobQueue';
import { createTestOrg, type TestOrg } from '../../test/createTestOrg';
import { openTestDatabase } from '../../test/databases';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../test/sandboxSalesforce';
import { RecordingJobQueue } from '../../test/testApp';
import { upsertDemoCompanies } from '../../usecases/companies/seedDemoCompanies';
import { runCrmDataSync } from '../../usecases/integrations/runCrmDataSync';
import { createSegment } from '../../usecases/segments/createSegment';
import { testConfig } from '../config';
import { createBoss, prepareQueues } from './jobRunner';

const ACCOUNT_COUNT = 2_500;
const isOnPostgres = Boolean(process.env.TEST_DATABASE_URL);

class WorkerProcess {
  readonly child: ChildProcess;
  output = '';
  constructor(databaseUrl: string) {
    this.child = spawn(process.execPath, [path.resolve('bin/openabm.mjs'), 'worker'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        OPENABM_SANDBOX: 'true',
        OPENABM_HOST: '127.0.0.1',
        OPENABM_PORT: '0',
        OPENABM_SECRET_KEY: testConfig().secretKey,
        OPENABM_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'openabm-worker-')),
        OPENABM_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }
  async stop(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await exited;
  }
}

/** Polls the database until `read` returns a value (a state change, not a timer); fails after `limitMs`. */
async function waitFor<T>(what: string, read: () => Promise<T | undefined>, limitMs: number): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.skipIf(!isOnPostgres)('a worker killed mid-job (PostgreSQL only: runs when TEST_DATABASE_URL is set)', () => {
  let database: Database;
  let emulator: SalesforceEmulator;
  let org: TestOrg;
  let boss: PgBoss;
  let jobs: JobQueue;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    emulator = await startSalesforceEmulator({ accountCount: ACCOUNT_COUNT });
    // The emulator's accounts are spellings of the demo master companies; seeded here, before the segment is built, so
    // the members do not depend on another test file seeding the shared PostgreSQL database
    // meanwhile (or having put other companies there first, which stops the start-up seeding).
    await upsertDemoCompanies(database);
    org = await createTestOrg(database);
    boss = createBoss(database);
    await boss.start();
    jobs = await prepareQueues(boss);
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    await boss.stop({ graceful: false });
    await emulator.close();
    await database.close();
  });

  it('finishes the CRM sync and the segment refresh on the other worker, each once, nothing lost', async () => {
    const deps = { ...sandboxDeps(database.db, emulator), jobs: new RecordingJobQueue() };
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(deps, actor);
    // Segments need one completed CRM sync; the sync under test then starts over from nothing.
    await runCrmDataSync({ orgId: org.orgId, input: { provider: 'salesforce' } }, deps);
    const segment = await createSegment({ orgId: org.orgId, actor, input: { name: 'EMEA', source: { type: 'crm_report', provider: 'salesforce', sourceId: demoReportIds.emeaAccountsTabular } } }, deps);
    const membersBefore = segment.counts.members;
    expect(membersBefore).toBeGreaterThan(0);
    await database.query('DELETE FROM crm_sync_runs WHERE org_id = $1', [org.orgId]);
    await database.query('DELETE FROM crm_sync_cursors WHERE org_id = $1', [org.orgId]);
    await database.query('DELETE FROM crm_accounts WHERE org_id = $1', [org.orgId]);

    // Every data call answers after 3 s for a while, so both jobs are caught half-way.
    emulator.injectFault('slow', { delayMs: 3_000, times: 12 });
    const databaseUrl = process.env.TEST_DATABASE_URL as string;
    const first = new WorkerProcess(databaseUrl);
    workers.push(first);
    await jobs.enqueue('crm.sync.run', { orgId: org.orgId, provider: 'salesforce' });
    await jobs.enqueue('segments.refresh', { orgId: org.orgId, segmentId: segment.id, trigger: 'manual' });

    await waitFor(
      'the first worker to be half-way through both jobs',
      async () => {
        const [run] = await database.query<{ records_synced: number }>("SELECT records_synced FROM crm_sync_runs WHERE org_id = $1 AND status = 'running'", [org.orgId]);
        const [refreshing] = await database.query<{ status: string }>('SELECT status FROM segments WHERE org_id = $1 AND id = $2', [org.orgId, segment.id]);
        return run && run.records_synced > 0 && refreshing?.status === 'refreshing' ? true : undefined;
      },
      90_000,
    );
    const second = new WorkerProcess(databaseUrl);
    workers.push(second);
    await first.stop('SIGKILL');

    const finished = await waitFor(
      'the second worker to finish both jobs',
      async () => {
        const runs = await database.query<{ id: string; status: string }>('SELECT id, status FROM crm_sync_runs WHERE org_id = $1', [org.orgId]);
        const refreshes = await database.query<{ status: string; member_count: number }>('SELECT status, member_count FROM segment_refreshes WHERE org_id = $1 AND segment_id = $2 AND trigger = $3', [org.orgId, segment.id, 'manual']);
        return runs.every((run) => run.status === 'completed') && runs.length > 0 && refreshes.length > 0 ? { runs, refreshes } : undefined;
      },
      150_000,
    );
    // The sync resumed its own run from the checkpoint (no second run) and holds every account once.
    expect(finished.runs).toHaveLength(1);
    const [accounts] = await database.query<{ n: number; distinct_n: number }>('SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS distinct_n FROM crm_accounts WHERE org_id = $1', [org.orgId]);
    expect(accounts).toEqual({ n: ACCOUNT_COUNT, distinct_n: ACCOUNT_COUNT });
    // The refresh ran to its end once, with the same members.
    expect(finished.refreshes).toEqual([{ status: 'succeeded', member_count: membersBefore }]);
    const [stored] = await database.query<{ status: string }>('SELECT status FROM segments WHERE org_id = $1 AND id = $2', [org.orgId, segment.id]);
    expect(stored?.status).toBe('ready');
    expect(second.output).toContain('crm data sync');
    expect(second.output).toContain('segment refresh');
  }, 300_000);
});
