/**
 * Times a full CRM data sync of a 100,000-account Salesforce org from the emulator, through the real use cases
 * (OAuth connect, budgeted calls, per-page commits into PGlite or PostgreSQL), and counts the API calls.
 * Prints figures; never passes or fails.
 *
 *   npx tsx bench/crm/fullSync.ts            # 100,000 accounts (+ 100,000 contacts, 133,333 leads)
 *   ACCOUNTS=20000 npx tsx bench/crm/fullSync.ts
 *   DATABASE_URL=postgres://… npx tsx bench/crm/fullSync.ts
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/adapters/db/database';
import { startSalesforceEmulator } from '../../src/adapters/emulators/salesforce/index';
import { systemClock } from '../../src/ports/clock';
import { createTestOrg } from '../../src/test/createTestOrg';
import { runCrmDataSync } from '../../src/usecases/integrations/runCrmDataSync';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../src/test/sandboxSalesforce';

const accountCount = Number(process.env.ACCOUNTS ?? 100_000);

async function main(): Promise<void> {
  let started = performance.now();
  const emulator = await startSalesforceEmulator({ accountCount, dailyApiLimit: 1_000_000 });
  const emulatorSeconds = (performance.now() - started) / 1000;
  const counts = { account: emulator.state.count('Account'), contact: emulator.state.count('Contact'), lead: emulator.state.count('Lead') };
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  try {
    const org = await createTestOrg(database, 'Bench org');
    const deps = { ...sandboxDeps(database.db, emulator), clock: systemClock, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
    await connectSalesforceThroughOAuth(deps, adminActor(org.orgId, org.userIds.primary_admin), { dailyApiAllowance: 1_000_000 });
    emulator.server.requests.length = 0;
    started = performance.now();
    const full = await runCrmDataSync({ orgId: org.orgId, input: { provider: 'salesforce' } }, deps);
    const fullSeconds = (performance.now() - started) / 1000;
    const fullRequests = emulator.server.requests.length;
    started = performance.now();
    const incremental = await runCrmDataSync({ orgId: org.orgId, input: { provider: 'salesforce' } }, deps);
    const incrementalSeconds = (performance.now() - started) / 1000;
    const totalRecords = counts.account + counts.contact + counts.lead;
    const figures = {
      database: database.kind,
      org: counts,
      emulatorStartSeconds: Number(emulatorSeconds.toFixed(1)),
      fullSync: {
        status: full.status,
        seconds: Number(fullSeconds.toFixed(1)),
        apiCalls: full.apiCalls,
        requestsSeenByEmulator: fullRequests,
        recordsSynced: full.recordsSynced,
        recordsPerSecond: Math.round(totalRecords / fullSeconds),
      },
      incrementalSyncNoChanges: { status: incremental.status, seconds: Number(incrementalSeconds.toFixed(2)), apiCalls: incremental.apiCalls, recordsSynced: incremental.recordsSynced },
      rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await database.close();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
