import { afterEach, describe, expect, it } from 'vitest';
import { demoListViewIds, demoReportIds } from './demoSources';
import { soql, startWireClient, type WireClient } from './testClient';

let client: WireClient;
afterEach(async () => client?.emulator.close());

type ListViews = { done: boolean; listviews: { id: string; developerName: string; describeUrl: string; resultsUrl: string; soqlCompatible: boolean }[]; size: number; sobjectType: string };
type FactCell = { aggregates: { label: string; value: number }[]; rows?: { dataCells: { label: string; value: unknown }[] }[] };
type ReportRun = { allData: boolean; factMap: Record<string, FactCell>; hasDetailRows: boolean; reportMetadata: { reportFormat: string; reportType: { type: string }; detailColumns: string[] }; reportExtendedMetadata: { detailColumnInfo: Record<string, { dataType: string; label: string }> }; groupingsDown: { groupings: { key: string; label: string }[] } };

describe('Salesforce emulator list views', () => {
  it('lists the public Account list views but not another user\'s private one, which answers 404', async () => {
    client = await startWireClient();
    const list = await client.json<ListViews>('/sobjects/Account/listviews');
    expect(list).toMatchObject({ done: true, sobjectType: 'Account', size: 7 });
    expect(list.listviews.map((view) => view.developerName)).toContain('AllAccounts');
    expect(list.listviews.map((view) => view.id)).not.toContain(demoListViewIds.privateView);
    expect(list.listviews[0]?.describeUrl).toBe(`/services/data/v62.0/sobjects/Account/listviews/${list.listviews[0]?.id}/describe`);
    const hidden = await client.api(`/sobjects/Account/listviews/${demoListViewIds.privateView}/describe`);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  });

  it('describe returns the composed query; running it through /query gives the same accounts as results', async () => {
    client = await startWireClient();
    const describe = await client.json<{ query: string; scope: string; columns: { fieldNameOrPath: string; hidden: boolean }[] }>(`/sobjects/Account/listviews/${demoListViewIds.emeaAccounts}/describe`);
    expect(describe.query).toMatch(/^SELECT Name, BillingCountry, Website, toLabel\(Type\), Owner\.Alias, Id, CreatedDate, LastModifiedDate, SystemModstamp, Owner\.Id, OwnerId FROM Account WHERE BillingCountry IN \(.+\) ORDER BY Name ASC NULLS FIRST, Id ASC NULLS FIRST$/);
    expect(describe.columns.filter((column) => column.hidden).map((column) => column.fieldNameOrPath)).toEqual(['Id', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'Owner.Id', 'OwnerId']);
    const queried = await client.json<{ totalSize: number; records: { Id: string }[] }>(soql(describe.query));
    const results = await client.json<{ id: string; size: number; done: boolean; records: { columns: { fieldNameOrPath: string; value: unknown }[] }[] }>(`/sobjects/Account/listviews/${demoListViewIds.emeaAccounts}/results?limit=2000`);
    expect(results.id).toBe(demoListViewIds.emeaAccounts.slice(0, 15));
    expect(results.size).toBe(queried.totalSize);
    expect(results.records.map((record) => record.columns.find((column) => column.fieldNameOrPath === 'Id')?.value)).toEqual(queried.records.map((record) => record.Id));
    const created = results.records[0]?.columns.find((column) => column.fieldNameOrPath === 'CreatedDate')?.value;
    expect(created).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} GMT \d{4}$/);
  });

  it('results honour limit and offset and refuse a limit above 2,000', async () => {
    client = await startWireClient();
    const page = await client.json<{ size: number; done: boolean }>(`/sobjects/Account/listviews/${demoListViewIds.allAccounts}/results?limit=5&offset=10`);
    expect(page).toMatchObject({ size: 5, done: false });
    const tooMany = await client.api(`/sobjects/Account/listviews/${demoListViewIds.allAccounts}/results?limit=2001`);
    expect(tooMany.status).toBe(400);
  });

  it('the My Accounts view uses scope mine and holds only the integration user\'s accounts', async () => {
    client = await startWireClient();
    const describe = await client.json<{ query: string; scope: string }>(`/sobjects/Account/listviews/${demoListViewIds.myAccounts}/describe`);
    expect(describe.scope).toBe('mine');
    const rows = await client.json<{ records: { OwnerId: string }[] }>(soql(describe.query));
    expect(rows.records.length).toBeGreaterThan(0);
    expect(new Set(rows.records.map((record) => record.OwnerId))).toEqual(new Set([client.emulator.state.options.integrationUserId]));
  });

  it('a view filtering on a field the integration user cannot see fails with INVALID_FIELD when run', async () => {
    client = await startWireClient();
    const describe = await client.json<{ query: string }>(`/sobjects/Account/listviews/${demoListViewIds.hiddenFieldFilter}/describe`);
    expect(describe.query).toContain('Credit_Rating__c');
    const run = await client.api(soql(describe.query));
    expect(run.status).toBe(400);
    expect(((await run.json()) as { errorCode: string }[])[0]?.errorCode).toBe('INVALID_FIELD');
  });

  it('the Legacy ERP Import view holds more than 25,000 accounts when the org is generated with them', async () => {
    client = await startWireClient({ accountCount: 50, contactCount: 5, leadCount: 5, legacyImportAccountCount: 25_100 });
    const describe = await client.json<{ query: string }>(`/sobjects/Account/listviews/${demoListViewIds.legacyImport}/describe`);
    const first = await client.json<{ totalSize: number; records: unknown[] }>(soql(describe.query));
    expect(first.totalSize).toBe(25_100);
    expect(first.records).toHaveLength(2_000);
  });
});

describe('Salesforce emulator Analytics reports', () => {
  it('lists recent reports and describes each kind: format, report type, id column by dataType', async () => {
    client = await startWireClient();
    const reports = await client.json<{ id: string; name: string; describeUrl: string }[]>('/analytics/reports');
    expect(reports.length).toBe(14);
    const describe = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.emeaAccountsTabular}/describe`);
    expect(describe.reportMetadata).toMatchObject({ reportFormat: 'TABULAR', reportType: { type: 'AccountList', label: 'Accounts' } });
    expect(describe.reportExtendedMetadata.detailColumnInfo.ACCOUNT_ID).toEqual({ dataType: 'id', label: 'Account ID' });
    const custom = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.customReportType}/describe`);
    expect(custom.reportMetadata.reportType.type).toMatch(/__c$/);
    const opportunity = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.unsupportedOpportunity}/describe`);
    expect(opportunity.reportMetadata.reportType.type).toBe('Opportunity');
    const noId = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.missingIdColumn}/describe`);
    expect(Object.values(noId.reportExtendedMetadata.detailColumnInfo).some((info) => info.dataType === 'id')).toBe(false);
    expect(Object.values(noId.reportExtendedMetadata.detailColumnInfo).map((info) => info.label)).toContain('Account ID');
  });

  it('truncates detail rows at 2,000 with allData:false while RowCount holds the full count', async () => {
    client = await startWireClient({ accountCount: 1_800 });
    const run = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.allLeadsOver2000}?includeDetails=true`);
    expect(run.allData).toBe(false);
    expect(run.factMap['T!T']?.rows).toHaveLength(2_000);
    expect(run.factMap['T!T']?.aggregates[0]?.value).toBe(2_400);
    const small = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.emeaAccountsTabular}?includeDetails=true`);
    expect(small.allData).toBe(true);
    const idIndex = small.reportMetadata.detailColumns.indexOf('ACCOUNT_ID');
    expect(small.factMap['T!T']?.rows?.[0]?.dataCells[idIndex]?.value).toMatch(/^001\w{15}$/);
  });

  it('runs without detail rows unless includeDetails=true, by GET and by POST', async () => {
    client = await startWireClient();
    const summaryOnly = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.emeaAccountsTabular}`);
    expect(summaryOnly.factMap['T!T']).not.toHaveProperty('rows');
    const posted = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.emeaAccountsTabular}?includeDetails=true`, { method: 'POST', body: JSON.stringify({ reportMetadata: {} }) });
    expect(posted.hasDetailRows).toBe(true);
    expect(posted.factMap['T!T']?.rows?.length).toBeGreaterThan(0);
  });

  it('summary reports group rows under 0!T… and keep rows:[] on T!T; matrix reports fill down!across cells', async () => {
    client = await startWireClient();
    const summary = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.webLeadsSummary}?includeDetails=true`);
    expect(summary.reportMetadata.reportFormat).toBe('SUMMARY');
    expect(summary.factMap['T!T']?.rows).toEqual([]);
    const grouped = summary.groupingsDown.groupings.map((group) => summary.factMap[`${group.key}!T`]?.rows?.length ?? 0);
    expect(grouped.reduce((sum, count) => sum + count, 0)).toBe(summary.factMap['T!T']?.aggregates[0]?.value);
    const matrix = await client.json<ReportRun>(`/analytics/reports/${demoReportIds.marketingContactsMatrix}?includeDetails=true`);
    expect(matrix.reportMetadata.reportFormat).toBe('MATRIX');
    expect(Object.keys(matrix.factMap)).toContain('0!0');
    expect(matrix.factMap['T!T']?.aggregates[0]?.value).toBeGreaterThan(0);
  });

  it('answers 403 INSUFFICIENT_ACCESS on describe and run of a report the user may not read, 404 for an unknown one', async () => {
    client = await startWireClient();
    for (const path of [`/analytics/reports/${demoReportIds.insufficientPermissions}/describe`, `/analytics/reports/${demoReportIds.insufficientPermissions}?includeDetails=true`]) {
      const response = await client.api(path);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { errorCode: string }[])[0]?.errorCode).toBe('INSUFFICIENT_ACCESS');
    }
    expect((await client.api('/analytics/reports/00O5g00000000ZZZZZ/describe')).status).toBe(404);
  });

  it('lists every report through SOQL on the Report object with its format', async () => {
    client = await startWireClient();
    const rows = await client.json<{ records: { Id: string; Format: string }[] }>(soql('SELECT Id, Name, DeveloperName, FolderName, Format, LastRunDate FROM Report'));
    expect(rows.records.find((row) => row.Id === demoReportIds.webLeadsSummary)?.Format).toBe('Summary');
  });
});
