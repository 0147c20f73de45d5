import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { demoListViewIds, demoReportIds, startSalesforceEmulator, type SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { CRM_MESSAGES } from '../../domain/crmSources/messages';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { listCrmSources } from './listCrmSources';
import { previewCrmSource } from './previewCrmSource';
import { runCrmDataSync } from './runCrmDataSync';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../test/sandboxSalesforce';

describe.each(testDatabaseKinds())('CRM sources (%s)', (kind) => {
  let database: Database;
  let emulator: SalesforceEmulator;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    emulator = await startSalesforceEmulator({ accountCount: 1_500 });
  });
  afterAll(async () => {
    await emulator.close();
    await database.close();
  });

  it('refuses to sync a list before valid credentials are entered', async () => {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    const input = { provider: 'salesforce' as const, kind: 'list_view' as const, sourceId: demoListViewIds.allAccounts, limit: 10 };
    await expect(previewCrmSource({ orgId: org.orgId, actor: adminActor(org.orgId, org.userIds.primary_admin), input }, deps)).rejects.toMatchObject({
      message: CRM_MESSAGES.noValidCredentials,
    });
  });

  it('refuses a list or report before the first full sync, then previews it', async () => {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(deps, actor);
    const input = { provider: 'salesforce' as const, kind: 'report' as const, sourceId: demoReportIds.emeaAccountsTabular, limit: 10 };
    await expect(previewCrmSource({ orgId: org.orgId, actor, input }, deps)).rejects.toMatchObject({ code: 'validation_failed', message: CRM_MESSAGES.firstSyncNotCompleted });
    await runCrmDataSync({ orgId: org.orgId, input: { provider: 'salesforce' } }, deps);
    const preview = await previewCrmSource({ orgId: org.orgId, actor, input }, deps);
    expect(preview.records.length).toBeLessThanOrEqual(10);
    expect(preview.totalRecords).toBeGreaterThan(0);
    expect(preview.source).toMatchObject({ isUsable: true, objectType: 'account' });
  });

  it('answers a broken report rule with the spec message', async () => {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(deps, actor);
    await runCrmDataSync({ orgId: org.orgId, input: { provider: 'salesforce' } }, deps);
    const input = { provider: 'salesforce' as const, kind: 'report' as const, sourceId: demoReportIds.customReportType, limit: 10 };
    await expect(previewCrmSource({ orgId: org.orgId, actor, input }, deps)).rejects.toMatchObject({ code: 'validation_failed', message: CRM_MESSAGES.reportCustomType });
  });

  it('lists sources with their validity and counts the calls', async () => {
    const org = await createTestOrg(database);
    const deps = sandboxDeps(database.db, emulator);
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(deps, actor);
    const { items } = await listCrmSources({ orgId: org.orgId, actor, input: { provider: 'salesforce' } }, deps);
    expect(items.find((item) => item.id === demoReportIds.unsupportedOpportunity)?.problems).toEqual([CRM_MESSAGES.reportUnsupportedType]);
    expect(items.find((item) => item.id === demoListViewIds.allAccounts)?.isUsable).toBe(true);
    const [usage] = await database.query<{ call_count: number }>('SELECT call_count FROM crm_api_usage WHERE org_id = $1', [org.orgId]);
    expect(usage?.call_count).toBeGreaterThan(items.length);
  });
});
