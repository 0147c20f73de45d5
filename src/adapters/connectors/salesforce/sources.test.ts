import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoListViewIds, demoReportIds, startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce/index';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmOAuthSettings, CrmSourceSummary } from '../../../ports/crmConnector';
import { createSalesforceConnector } from './index';
import { createTestCallContext } from './testContext';

const connector = createSalesforceConnector({ requestTimeoutMs: 10_000 });
let emulator: SalesforceEmulator;
/** 25,100 legacy-import accounts make the "Legacy ERP Import" (and All Accounts) list view really oversized. */
let large: SalesforceEmulator;
let sources: readonly CrmSourceSummary[];
let largeSources: readonly CrmSourceSummary[];

const settingsOf = (running: SalesforceEmulator): CrmOAuthSettings => ({
  loginUrl: running.baseUrl,
  clientId: running.credentials.clientId,
  clientSecret: running.credentials.clientSecret,
  redirectUri: 'http://127.0.0.1:1/callback',
  resourceUrl: undefined,
});

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ accountCount: 3_000 });
  large = await startSalesforceEmulator({ accountCount: 1_000, legacyImportAccountCount: 25_100 });
  sources = await connector.listSources(await newContext());
  largeSources = await connector.listSources(await newContext(large));
});
afterAll(async () => {
  await emulator.close();
  await large.close();
});
beforeEach(() => emulator.server.clearFaults());

const newContext = (running: SalesforceEmulator = emulator) => createTestCallContext(connector, settingsOf(running), running.credentials.refreshToken);
const source = (id: string, from: readonly CrmSourceSummary[] = sources) => {
  const found = from.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`source ${id} not listed; got ${sources.map((s) => s.name).join(', ')}`);
  return found;
};

async function refusal(promise: Promise<unknown>): Promise<CrmConnectorError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof CrmConnectorError)) throw new Error(`expected a CrmConnectorError, got ${String(error)}`);
  return error;
}

describe('listing list views', () => {
  it.each([
    ['All Accounts', demoListViewIds.allAccounts, []],
    ['EMEA Accounts', demoListViewIds.emeaAccounts, []],
    ['My Accounts (scope mine)', demoListViewIds.myAccounts, [CRM_MESSAGES.listViewNotPublic]],
    ['Top Credit Rating (hidden filter field)', demoListViewIds.hiddenFieldFilter, [CRM_MESSAGES.listViewFieldsNotPermitted]],
  ])('%s', (_title, id, problems) => {
    expect(source(id).problems).toEqual(problems);
    expect(source(id).isUsable).toBe(problems.length === 0);
  });

  it('refuses a view of 25,000 accounts or more', () => {
    expect(source(demoListViewIds.legacyImport, largeSources).problems).toEqual([CRM_MESSAGES.listViewTooLarge]);
    expect(source(demoListViewIds.legacyImport, largeSources).rowCount).toBe(25_100);
  });

  it('does not list another user’s private view', () => {
    expect(sources.some((candidate) => candidate.id === demoListViewIds.privateView)).toBe(false);
  });

  it('counts the accounts of a view', () => {
    expect(source(demoListViewIds.allAccounts).rowCount).toBe(emulator.state.count('Account'));
  });
});

describe('listing reports', () => {
  it.each([
    ['EMEA Accounts (tabular)', demoReportIds.emeaAccountsTabular, []],
    ['Web Leads (summary)', demoReportIds.webLeadsSummary, []],
    ['Marketing Contacts (matrix)', demoReportIds.marketingContactsMatrix, []],
    ['Converted Leads', demoReportIds.convertedLeads, []],
    ['All Leads (over 2,000)', demoReportIds.allLeadsOver2000, [CRM_MESSAGES.reportTooManyRecords]],
    ['custom report type', demoReportIds.customReportType, [CRM_MESSAGES.reportCustomType]],
    ['Opportunity report', demoReportIds.unsupportedOpportunity, [CRM_MESSAGES.reportUnsupportedType]],
    ['look-alike ID column', demoReportIds.missingIdColumn, [CRM_MESSAGES.reportMissingIdColumn('Account')]],
    ['no access', demoReportIds.insufficientPermissions, [CRM_MESSAGES.reportInsufficientPermissions]],
  ])('%s', (_title, id, problems) => {
    expect(source(id).problems).toEqual(problems);
  });

  it('shows format and type', () => {
    expect(source(demoReportIds.webLeadsSummary).details).toMatchObject({ format: 'SUMMARY', reportType: 'LeadList' });
    expect(source(demoReportIds.webLeadsSummary).objectType).toBe('lead');
  });
});

describe('fetching source records', () => {
  it('reads a list view past the 2,000-row page through its describe query', async () => {
    const ctx = await newContext();
    const result = await connector.fetchSourceRecords(ctx, { kind: 'list_view', id: demoListViewIds.allAccounts });
    expect(result.records.length).toBe(emulator.state.count('Account'));
    expect(result.records.length).toBeGreaterThan(2_000);
    expect(emulator.server.requestsTo('/services/data/v62.0/query/').length).toBeGreaterThan(0);
  });

  it('refuses an oversized view with the spec message before reading it', async () => {
    const error = await refusal(connector.fetchSourceRecords(await newContext(large), { kind: 'list_view', id: demoListViewIds.legacyImport }));
    expect(error.message).toBe(CRM_MESSAGES.listViewTooLarge);
    expect(large.server.requestsTo('/services/data/v62.0/query/')).toHaveLength(0);
  });

  it.each([
    ['a view filtering on a hidden field', demoListViewIds.hiddenFieldFilter, CRM_MESSAGES.listViewFieldsNotPermitted],
    ['a My Accounts view', demoListViewIds.myAccounts, CRM_MESSAGES.listViewNotPublic],
  ])('refuses %s with the spec message', async (_title, id, message) => {
    const error = await refusal(connector.fetchSourceRecords(await newContext(), { kind: 'list_view', id }));
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe(message);
  });

  it.each([
    ['tabular', demoReportIds.emeaAccountsTabular, 'account'],
    ['summary', demoReportIds.webLeadsSummary, 'lead'],
    ['matrix', demoReportIds.marketingContactsMatrix, 'contact'],
  ] as const)('reads a %s report with ids of the right object', async (_format, id, objectType) => {
    const result = await connector.fetchSourceRecords(await newContext(), { kind: 'report', id });
    expect(result.records.length).toBeGreaterThan(0);
    expect(result.records.length).toBeLessThanOrEqual(2_000);
    const prefix = { account: '001', contact: '003', lead: '00Q' }[objectType];
    expect(result.records.every((record) => record.objectType === objectType && record.externalId.startsWith(prefix))).toBe(true);
  });

  it('links contacts of a report to their accounts', async () => {
    const result = await connector.fetchSourceRecords(await newContext(), { kind: 'report', id: demoReportIds.marketingContactsMatrix });
    expect(result.records.some((record) => record.accountExternalId?.startsWith('001'))).toBe(true);
  });

  it.each([
    ['more than 2,000 rows (allData false)', demoReportIds.allLeadsOver2000, CRM_MESSAGES.reportTooManyRecords],
    ['a custom report type', demoReportIds.customReportType, CRM_MESSAGES.reportCustomType],
    ['an unsupported type', demoReportIds.unsupportedOpportunity, CRM_MESSAGES.reportUnsupportedType],
    ['no ID column', demoReportIds.missingIdColumn, CRM_MESSAGES.reportMissingIdColumn('Account')],
    ['insufficient permissions', demoReportIds.insufficientPermissions, CRM_MESSAGES.reportInsufficientPermissions],
  ])('refuses a report with %s', async (_title, id, message) => {
    const error = await refusal(connector.fetchSourceRecords(await newContext(), { kind: 'report', id }));
    expect(error.message).toBe(message);
  });

  it('maps a 403 injected on a valid report to the permissions message', async () => {
    const ctx = await newContext();
    emulator.injectFault('permission_denied', { pathPrefix: '/services/data/v62.0/analytics' });
    const error = await refusal(connector.fetchSourceRecords(ctx, { kind: 'report', id: demoReportIds.emeaAccountsTabular }));
    expect(error.message).toBe(CRM_MESSAGES.reportInsufficientPermissions);
  });
});
