import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgBoss } from 'pg-boss';
import type { Database } from '../../adapters/db/database';
import { insertSession, findLiveSession } from '../../adapters/db/repositories/sessions';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { createTestDeps } from '../../test/testApp';
import type { JobQueue } from '../../ports/jobQueue';
import { createBoss, prepareQueues, startWorkers } from './jobRunner';
import { sessions } from '../../adapters/db/schema/index';
import { eq } from 'drizzle-orm';

/** Waits for a state change, never for a fixed time; the test's own timeout bounds it. */
async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe.each(testDatabaseKinds())('pg-boss job runner on %s', (kind) => {
  let database: Database;
  let boss: PgBoss;
  let queue: JobQueue;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    boss = createBoss(database);
    await boss.start();
    queue = await prepareQueues(boss);
    await startWorkers(boss, { ...createTestDeps(database), jobs: queue });
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, timeout: 2000 });
    await database.close();
  });

  it('runs an enqueued catalog job to completion', async () => {
    const org = await createTestOrg(database);
    const tokenHash = `expired-${kind}-${Date.now()}`;
    await insertSession(database.db, org.orgId, { tokenHash, userId: org.userIds.view_only, csrfToken: 'x', expiresAt: new Date(Date.now() - 1000) });
    const jobId = await queue.enqueue('system.sessions.cleanUp', {});
    expect(jobId).toEqual(expect.any(String));
    await waitUntil(async () => (await database.db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash))).length === 0);
    expect(await findLiveSession(database.db, tokenHash, new Date(0))).toBeUndefined();
  });

  it('rejects a payload that breaks the job’s schema before it is queued', async () => {
    await expect(queue.enqueue('system.sessions.cleanUp', 'not an object')).rejects.toThrow();
    await expect(queue.enqueue('no.such.job', {})).rejects.toThrow('Unknown job no.such.job');
  });
});
