import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceCeGateway } from '../../adapters/connectors/salesforce/ceWrites';
import type { Database } from '../../adapters/db/database';
import { findCrmConnection, updateCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { InMemoryMailer } from '../../adapters/mailer/createMailer';
import type { SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { AppError } from '../../domain/appError';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../test/sandboxSalesforce';
import { RecordingJobQueue } from '../../test/testApp';
import type { CeDeps } from './ceDeps';
import { SALESFORCE_UNREACHABLE_ADVICE } from './ceSession';
import { startCeEmulator, type TestClock } from './ceTestKit';
import { runPreflight } from './runPreflight';

/**
 * The pre-flight check a person starts on Settings > Email settings: when Salesforce cannot be reached it ends at once
 * (no retries waited out, a short timeout when nothing answers) with the reason in words and what to do.
 */
function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

describe.each(testDatabaseKinds())('Conversational Email pre-flight when Salesforce cannot be reached, on %s', (kind) => {
  let database: Database;
  let emulator: SalesforceEmulator;
  let clock: TestClock;
  const sockets: Socket[] = [];
  // Accepts connections and never answers them.
  const silent = createServer((socket) => void sockets.push(socket));
  let silentPort: number;

  beforeAll(async () => {
    ({ emulator, clock } = await startCeEmulator());
    database = await openTestDatabase(kind);
    silentPort = await listen(silent);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    await database.close();
    await emulator.close();
  });

  async function connectedOrg(extra: Partial<CeDeps> = {}) {
    const org = await createTestOrg(database);
    const deps = { ...sandboxDeps(database.db, emulator, clock.now()), clock, jobs: new RecordingJobQueue(), mailer: new InMemoryMailer(), ...extra };
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(deps, actor);
    return { org, deps, actor };
  }

  async function pointSalesforceAt(orgId: string, url: string) {
    const connection = await findCrmConnection(database.db, orgId, 'salesforce');
    if (!connection) throw new Error('not connected');
    await updateCrmConnection(database.db, orgId, connection.id, { instanceUrl: url });
  }

  it('a refused connection ends the check at once with the reason and what to do, without waiting out retries', async () => {
    const { org, deps, actor } = await connectedOrg();
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await pointSalesforceAt(org.orgId, `http://127.0.0.1:${closedPort}`);
    const failure = await runPreflight({ orgId: org.orgId, actor }, deps).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toBe(`Salesforce could not be reached (the connection was refused). ${SALESFORCE_UNREACHABLE_ADVICE}`);
    expect(deps.sleeps).toEqual([]);
  });

  it('a Salesforce that never answers ends the check after the short timeout of a call a person waits on', async () => {
    const { org, deps, actor } = await connectedOrg({ ceCrm: createSalesforceCeGateway({ personWaitingRequestTimeoutMs: 300 }) });
    await pointSalesforceAt(org.orgId, `http://127.0.0.1:${silentPort}`);
    const failure = await runPreflight({ orgId: org.orgId, actor }, deps).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as AppError).message).toBe(`Salesforce could not be reached (no answer in time). ${SALESFORCE_UNREACHABLE_ADVICE}`);
    expect(deps.sleeps).toEqual([]);
  });
});
