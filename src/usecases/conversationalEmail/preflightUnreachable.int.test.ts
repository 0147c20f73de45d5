import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceCeGateway } from '../../adapters/connectors/salesforce/ceWrites';
import { SALESFORCE_UNREACHABLE_ADVICE } from '../../adapters/connectors/salesforce/client';
import { createSalesforceConnector } from '../../adapters/connectors/salesforce/index';
import type { Database } from '../../adapters/db/database';
import { findCrmConnection, updateCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { InMemoryMailer } from '../../adapters/mailer/createMailer';
import type { SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { AppError } from '../../domain/appError';
import { secretBoxFor } from '../integrations/connectorFor';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../test/sandboxSalesforce';
import { RecordingJobQueue } from '../../test/testApp';
import type { CeDeps } from './ceDeps';
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

  it('a login server that never answers ends the check after the short timeout too, when the access token must be refreshed', async () => {
    // The connector as production builds it (60 s per login call for jobs) but a short person-waiting timeout.
    const salesforce = createSalesforceConnector({ personWaitingRequestTimeoutMs: 300 });
    const { org, deps, actor } = await connectedOrg();
    const testDeps = { ...deps, connectors: { ...deps.connectors, salesforce } };
    const connection = await findCrmConnection(database.db, org.orgId, 'salesforce');
    if (!connection) throw new Error('not connected');
    // Salesforce refuses the stored access token (401), so the check refreshes it at the login server, which hangs.
    await updateCrmConnection(database.db, org.orgId, connection.id, {
      accessTokenSealed: secretBoxFor(testDeps).seal('an-access-token-salesforce-no-longer-knows'),
      loginUrl: `http://127.0.0.1:${silentPort}`,
    });
    const startedAt = performance.now();
    const failure = await runPreflight({ orgId: org.orgId, actor }, testDeps).then(
      () => undefined,
      (error: unknown) => error,
    );
    const elapsedMs = performance.now() - startedAt;
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toBe(`The Salesforce login server could not be reached (no answer in time). ${SALESFORCE_UNREACHABLE_ADVICE}`);
    // 0.3 s of login timeout plus the database work; the 60 s a job waits would end the test at its 30 s timeout.
    expect(elapsedMs).toBeLessThan(15_000);
    expect(deps.sleeps).toEqual([]);
  }, 30_000);
});
