import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { checkCrmCredentials } from './checkCrmCredentials';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../test/sandboxSalesforce';

const DAY_MS = 86_400_000;

describe.each(testDatabaseKinds())('credential expiry (%s)', (kind) => {
  let database: Database;
  let emulator: SalesforceEmulator;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    emulator = await startSalesforceEmulator({ accountCount: 10 });
  });
  afterAll(async () => {
    await emulator.close();
    await database.close();
  });

  it('moves a 90-day connection to expiring, then expired, and leaves Never Expire alone', async () => {
    const org = await createTestOrg(database);
    const other = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    await connectSalesforceThroughOAuth(deps, adminActor(org.orgId, org.userIds.primary_admin), { credentialPolicy: 'expire_every_90_days' });
    await connectSalesforceThroughOAuth(deps, adminActor(other.orgId, other.userIds.primary_admin), { credentialPolicy: 'never_expire' });
    deps.clock.advance(80 * DAY_MS);
    expect((await checkCrmCredentials({ orgId: org.orgId }, deps)).map((change) => change.status)).toEqual(['expiring']);
    deps.clock.advance(10 * DAY_MS);
    expect((await checkCrmCredentials({ orgId: org.orgId }, deps)).map((change) => change.status)).toEqual(['expired']);
    expect(await checkCrmCredentials({ orgId: other.orgId }, deps)).toEqual([]);
  });
});
