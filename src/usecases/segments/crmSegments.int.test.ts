import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { upsertCompanies } from '../../adapters/db/repositories/companies';
import { generateDemoCompanies } from '../../adapters/demo/demoCompanies';
import { demoListViewIds, demoReportIds, startSalesforceEmulator, type SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { CRM_MESSAGES } from '../../domain/crmSources/messages';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { RecordingJobQueue } from '../../test/testApp';
import { runCrmDataSync } from '../integrations/runCrmDataSync';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../test/sandboxSalesforce';
import { publishSegment } from '../publishing/publishSegment';
import { createSegment } from './createSegment';
import { getAccountDetails } from './getAccountDetails';
import { getSegmentConfirmation } from './getSegmentConfirmation';
import { listSegmentMembers } from './listSegmentMembers';
import { CRM_SOURCE_CACHE_MAX_AGE_MS, listSegmentCrmSources, REFRESH_CRM_SOURCES_JOB } from './listSegmentCrmSources';
import { refreshSegment } from './refreshSegment';

/** The real path: Salesforce emulator → connector → fetchCrmSource → matching → segment. */
describe.each(testDatabaseKinds())('segments from the sandbox Salesforce on %s', (kind) => {
  let database: Database;
  let emulator: SalesforceEmulator;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    emulator = await startSalesforceEmulator({ accountCount: 1_600 });
    // The emulator's accounts are messy spellings of the demo master companies (deterministic ids).
    const demo = generateDemoCompanies(6_000);
    await upsertCompanies(
      database.db,
      demo.map((c) => ({ id: c.companyId, name: c.name, domain: c.domain, otherDomains: [], country: c.country, region: c.region, city: c.city, industry: c.industry, employeeRange: c.employeeRange, revenueRange: c.revenueRange, firmographics: {} })),
    );
  }, 120_000);
  afterAll(async () => {
    await emulator.close();
    await database.close();
  });

  async function connectedOrg() {
    const org = await createTestOrg(database);
    const deps = { ...sandboxDeps(database.db, emulator), jobs: new RecordingJobQueue() };
    const actor = adminActor(org.orgId, org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(deps, actor);
    await runCrmDataSync({ orgId: org.orgId, input: { provider: 'salesforce' } }, deps);
    return { org, deps, actor };
  }

  it('creates a segment from the EMEA Accounts report, and the account details page lists it', async () => {
    const { org, deps, actor } = await connectedOrg();
    const segment = await createSegment({ orgId: org.orgId, actor, input: { name: 'EMEA', source: { type: 'crm_report', provider: 'salesforce', sourceId: demoReportIds.emeaAccountsTabular } } }, deps);
    expect(segment.source).toMatchObject({ sourceName: 'EMEA Accounts', objectType: 'account' });
    expect(segment.counts.recordsRead).toBeGreaterThan(50);
    expect(segment.counts.matched).toBeGreaterThan(segment.counts.recordsRead * 0.7);
    expect(segment.counts.matched + segment.counts.unmatched + segment.counts.duplicates).toBe(segment.counts.recordsRead);
    const members = await listSegmentMembers({ orgId: org.orgId, actor, input: { segmentId: segment.id, page: 1, pageSize: 5, sort: 'company', direction: 'asc' } }, deps);
    expect(members.total).toBe(segment.counts.members);
    const first = members.items[0];
    if (!first) throw new Error('no member');
    // Account Details lists only the segments published to that use.
    await publishSegment({ orgId: org.orgId, actor, input: { segmentId: segment.id, uses: ['account_details'] } }, deps);
    const details = await getAccountDetails({ orgId: org.orgId, actor, input: { companyId: first.companyId } }, deps);
    expect(details.segments.map((s) => s.id)).toContain(segment.id);
    expect(details.crmRecords.length).toBeGreaterThan(0);
  });

  it('creates a segment from the converted leads report: the accounts of the leads', async () => {
    const { org, deps, actor } = await connectedOrg();
    const segment = await createSegment({ orgId: org.orgId, actor, input: { name: 'Converted', source: { type: 'crm_report', provider: 'salesforce', sourceId: demoReportIds.convertedLeads } } }, deps);
    expect(segment.source.objectType).toBe('lead');
    expect(segment.counts.members).toBeGreaterThan(0);
    const confirmation = await getSegmentConfirmation({ orgId: org.orgId, actor, input: { segmentId: segment.id, page: 1, pageSize: 10 } }, deps);
    expect(confirmation.counts).toEqual(segment.counts);
  });

  it('creates a segment from the All Accounts list view', async () => {
    const { org, deps, actor } = await connectedOrg();
    const segment = await createSegment({ orgId: org.orgId, actor, input: { name: 'All', source: { type: 'crm_list', provider: 'salesforce', kind: 'list_view', sourceId: demoListViewIds.allAccounts } } }, deps);
    expect(segment.counts.recordsRead).toBe(1_600);
    expect(segment.counts.members).toBeGreaterThan(1_000);
  });

  it('names a list view segment by the list view (its id a detail) and serves the CRM sources from the cache', async () => {
    const { org, deps, actor } = await connectedOrg();
    const input = { provider: 'salesforce' as const };
    const first = await listSegmentCrmSources({ orgId: org.orgId, actor, input }, deps);
    expect(first.isRefreshing).toBe(false);
    expect(first.items.find((item) => item.id === demoListViewIds.emeaAccounts)).toMatchObject({ name: 'EMEA Accounts', isUsable: true });
    // The list view's describe carries no label: the name comes from the cached source list.
    const segment = await createSegment({ orgId: org.orgId, actor, input: { name: 'EMEA', source: { type: 'crm_list', provider: 'salesforce', kind: 'list_view', sourceId: demoListViewIds.emeaAccounts } } }, deps);
    expect(segment.source).toMatchObject({ sourceName: 'EMEA Accounts', sourceId: demoListViewIds.emeaAccounts });
    expect((await refreshSegment({ orgId: org.orgId, segmentId: segment.id, trigger: 'manual' }, deps)).kind).toBe('refreshed');

    // A second visit reads no CRM: it answers even while the CRM fails.
    const lift = emulator.injectFault('server_error_5xx');
    try {
      const cached = await listSegmentCrmSources({ orgId: org.orgId, actor, input }, deps);
      expect(cached).toMatchObject({ isRefreshing: false, refreshedAt: first.refreshedAt });
      expect(cached.items).toEqual(first.items);
    } finally {
      lift();
    }
    // Stale: still served at once, and re-read in the background.
    deps.clock.advance(CRM_SOURCE_CACHE_MAX_AGE_MS + 1);
    const stale = await listSegmentCrmSources({ orgId: org.orgId, actor, input }, deps);
    expect(stale).toMatchObject({ isRefreshing: true, refreshedAt: first.refreshedAt });
    expect(deps.jobs.enqueued.at(-1)).toEqual({ name: REFRESH_CRM_SOURCES_JOB, payload: { orgId: org.orgId, provider: 'salesforce' }, options: { singletonKey: `crm-sources:${org.orgId}:salesforce` } });
  });

  it('keeps the name picked in the list of sources when nothing else names a list view', async () => {
    const { org, deps, actor } = await connectedOrg();
    const segment = await createSegment(
      { orgId: org.orgId, actor, input: { name: 'Customers', source: { type: 'crm_list', provider: 'salesforce', kind: 'list_view', sourceId: demoListViewIds.customers, sourceName: 'Customers' } } },
      deps,
    );
    expect(segment.source).toMatchObject({ sourceName: 'Customers', sourceId: demoListViewIds.customers });
  });

  it.each<[string, string, string]>([
    ['a report over 2,000 rows', demoReportIds.allLeadsOver2000, CRM_MESSAGES.reportTooManyRecords],
    ['a custom report type', demoReportIds.customReportType, CRM_MESSAGES.reportCustomType],
    ['an opportunity report', demoReportIds.unsupportedOpportunity, CRM_MESSAGES.reportUnsupportedType],
    ['a report without the ID column', demoReportIds.missingIdColumn, CRM_MESSAGES.reportMissingIdColumn('Account')],
    ['a report the integration user may not run', demoReportIds.insufficientPermissions, CRM_MESSAGES.reportInsufficientPermissions],
  ])('refuses %s with the specification’s message', async (_title, sourceId, message) => {
    const { org, deps, actor } = await connectedOrg();
    await expect(createSegment({ orgId: org.orgId, actor, input: { name: 'x', source: { type: 'crm_report', provider: 'salesforce', sourceId } } }, deps)).rejects.toMatchObject({ message });
  });

  it('refuses a list view filtering on fields the integration cannot see', async () => {
    const { org, deps, actor } = await connectedOrg();
    await expect(
      createSegment({ orgId: org.orgId, actor, input: { name: 'x', source: { type: 'crm_list', provider: 'salesforce', kind: 'list_view', sourceId: demoListViewIds.hiddenFieldFilter } } }, deps),
    ).rejects.toMatchObject({ message: CRM_MESSAGES.listViewFieldsNotPermitted });
  });
});
