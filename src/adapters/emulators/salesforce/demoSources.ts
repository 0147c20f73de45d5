import { formatDateTime, makeId } from './ids';
import { accountColumns as a, contactColumns as c, leadColumns as l, opportunityColumns as o } from './reportColumns';
import type { ListViewDefinition, ReportDefinition } from './sources';
import type { SalesforceOrgState, SObjectRecord } from './state';

const EMEA_COUNTRIES = ['GB', 'GBR', 'United Kingdom', 'UK', 'DE', 'DEU', 'Germany', 'Deutschland', 'FR', 'FRA', 'France', 'NL', 'Netherlands', 'ES', 'Spain', 'IT', 'Italy', 'SE', 'Sweden'];
const isEmea = (record: SObjectRecord) => typeof record.BillingCountry === 'string' && EMEA_COUNTRIES.some((name) => name.toLowerCase() === String(record.BillingCountry).trim().toLowerCase());

/**
 * Named ids of the demo list views and reports, so tests and the connector helper can address each case:
 * the valid ones and one breaking each sync rule of crm-sync-segments.txt.
 */
export const demoListViewIds = {
  allAccounts: makeId('00B', 1),
  myAccounts: makeId('00B', 2),
  newThisWeek: makeId('00B', 3),
  emeaAccounts: makeId('00B', 4),
  customers: makeId('00B', 5),
  /** Oversized once the org holds ≥ 25,000 Legacy ERP Import accounts (option legacyImportAccountCount). */
  legacyImport: makeId('00B', 6),
  /** Filters on Credit_Rating__c, which the integration user cannot see: running its query gives 400 INVALID_FIELD. */
  hiddenFieldFilter: makeId('00B', 7),
  /** Private view of another user: absent from the list, 404 NOT_FOUND by id. */
  privateView: makeId('00B', 8),
} as const;

export const demoReportIds = {
  emeaAccountsTabular: makeId('00O', 1),
  webLeadsSummary: makeId('00O', 2),
  marketingContactsMatrix: makeId('00O', 3),
  convertedLeads: makeId('00O', 4),
  /** More than 2,000 rows: the run answers allData:false. */
  allLeadsOver2000: makeId('00O', 5),
  customReportType: makeId('00O', 6),
  unsupportedOpportunity: makeId('00O', 7),
  /** Only a look-alike custom "Account ID" text column, no standard id column. */
  missingIdColumn: makeId('00O', 8),
  /** The integration user lacks access: describe and run answer 403 INSUFFICIENT_ACCESS. */
  insufficientPermissions: makeId('00O', 9),
  myOpenLeads: makeId('00O', 10),
  customersTabular: makeId('00O', 11),
} as const;

export function addDemoSources(state: SalesforceOrgState, userIds: readonly string[]): void {
  const integrationUserId = userIds[0] ?? '';
  const otherUserId = userIds[2] ?? integrationUserId;
  const view = (id: string, developerName: string, label: string, whereSoql: string | undefined, extra: Partial<ListViewDefinition> = {}): ListViewDefinition => ({
    id, developerName, label, sobjectType: 'Account', columns: ['Name', 'BillingCountry', 'Website', 'Type', 'Owner.Alias'], whereSoql, scope: 'everything',
    orderBy: { field: 'Name', isDescending: false }, isPublic: true, createdById: integrationUserId, ...extra,
  });
  state.listViews.push(
    view(demoListViewIds.allAccounts, 'AllAccounts', 'All Accounts', undefined),
    view(demoListViewIds.myAccounts, 'MyAccounts', 'My Accounts', undefined, { scope: 'mine' }),
    view(demoListViewIds.newThisWeek, 'NewThisWeek', 'New This Week', 'CreatedDate = THIS_WEEK'),
    view(demoListViewIds.emeaAccounts, 'EMEA_Accounts', 'EMEA Accounts', `BillingCountry IN (${EMEA_COUNTRIES.map((name) => `'${name}'`).join(', ')})`),
    view(demoListViewIds.customers, 'Customers', 'Customers', "Type IN ('Customer - Direct', 'Customer - Channel')"),
    view(demoListViewIds.legacyImport, 'Legacy_ERP_Import', 'Legacy ERP Import (All Regions)', "AccountSource = 'Legacy ERP Import'"),
    view(demoListViewIds.hiddenFieldFilter, 'Top_Credit_Rating', 'Top Credit Rating', "Credit_Rating__c IN ('AAA', 'AA')"),
    view(demoListViewIds.privateView, 'Jordans_Targets', "Jordan's Targets", "Rating = 'Hot'", { isPublic: false, createdById: otherUserId }),
  );
  for (const listView of state.listViews) {
    if (!listView.isPublic && listView.createdById !== integrationUserId) continue;
    state.put('ListView', { Id: listView.id, Name: listView.label, DeveloperName: listView.developerName, SobjectType: 'Account', IsSoqlCompatible: true, IsDeleted: false, CreatedById: listView.createdById });
  }

  const publicFolder = { folderName: 'Marketing Reports (Public)', folderId: makeId('00l', 1) };
  const report = (id: string, name: string, extra: Partial<ReportDefinition> & Pick<ReportDefinition, 'reportType' | 'rowSObject' | 'detailColumns'>): ReportDefinition => ({
    id, name, developerName: name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''), ...publicFolder, format: 'TABULAR', groupingsDown: [], groupingsAcross: [],
    reportFilters: [], rowFilter: () => true, scope: 'organization', ownerId: integrationUserId, isAccessible: true, ...extra,
  });
  const accountList = { type: 'AccountList', label: 'Accounts' };
  const leadList = { type: 'LeadList', label: 'Leads' };
  state.reports.push(
    report(demoReportIds.emeaAccountsTabular, 'EMEA Accounts', {
      reportType: accountList, rowSObject: 'Account', detailColumns: [a.owner, a.name, a.id, a.website, a.country, a.industry],
      reportFilters: [{ column: 'ADDRESS1_COUNTRY', operator: 'equals', value: EMEA_COUNTRIES.join(',') }, { column: 'ACCOUNT_SOURCE', operator: 'notEqual', value: 'Legacy ERP Import' }],
      // The sandbox's 25,500 legacy-import accounts would push it past 2,000 rows; it is meant to be a usable report.
      rowFilter: (record) => isEmea(record) && record.AccountSource !== 'Legacy ERP Import',
    }),
    report(demoReportIds.webLeadsSummary, 'Web Leads by Status', {
      format: 'SUMMARY', reportType: leadList, rowSObject: 'Lead', detailColumns: [l.id, l.firstName, l.lastName, l.company, l.email, l.country, l.status],
      groupingsDown: ['STATUS'], reportFilters: [{ column: 'LEAD_SOURCE', operator: 'equals', value: 'Web' }], rowFilter: (record) => record.LeadSource === 'Web',
    }),
    report(demoReportIds.marketingContactsMatrix, 'Marketing Contacts by Owner and Type', {
      format: 'MATRIX', reportType: { type: 'ContactList', label: 'Contacts & Accounts' }, rowSObject: 'Contact',
      detailColumns: [c.owner, c.id, c.firstName, c.lastName, c.email, c.title, c.account, c.accountType], groupingsDown: ['USERS.NAME'], groupingsAcross: ['ACCOUNT.TYPE'],
      reportFilters: [{ column: 'TITLE', operator: 'contains', value: 'Marketing,CMO,Demand' }], rowFilter: (record) => /marketing|cmo|demand/i.test(String(record.Title ?? '')),
    }),
    report(demoReportIds.convertedLeads, 'Converted Leads', {
      reportType: { type: 'OpportunityLead', label: 'Leads with converted lead information' }, rowSObject: 'Lead',
      detailColumns: [l.id, l.company, l.convertedDate, l.convertedAccount], reportFilters: [{ column: 'CONVERTED', operator: 'equals', value: 'True' }],
      rowFilter: (record) => record.IsConverted === true,
    }),
    report(demoReportIds.allLeadsOver2000, 'All Leads (Global)', { reportType: leadList, rowSObject: 'Lead', detailColumns: [l.owner, l.id, l.firstName, l.lastName, l.company, l.email, l.country] }),
    report(demoReportIds.customReportType, 'Accounts with Intent Signals', {
      reportType: { type: 'Accounts_with_Intent_Signals__c', label: 'Accounts with Intent Signals' }, rowSObject: 'Account', detailColumns: [a.name, a.id, a.website, a.country],
      rowFilter: (record) => record.Rating === 'Hot',
    }),
    report(demoReportIds.unsupportedOpportunity, 'Open Pipeline', {
      reportType: { type: 'Opportunity', label: 'Opportunities' }, rowSObject: 'Account', detailColumns: [o.name, o.account, o.amount, o.stage],
      rowFilter: (record) => String(record.Type ?? '').startsWith('Customer'),
    }),
    report(demoReportIds.missingIdColumn, 'Target Accounts (ERP IDs)', {
      reportType: accountList, rowSObject: 'Account', detailColumns: [a.name, a.customAccountId, a.website, a.country], rowFilter: (record) => record.Rating === 'Hot',
    }),
    report(demoReportIds.insufficientPermissions, 'Finance: Credit Review', {
      folderName: 'Finance (Restricted)', folderId: makeId('00l', 2), reportType: accountList, rowSObject: 'Account', detailColumns: [a.name, a.id, a.type],
      rowFilter: (record) => record.Type === 'Customer - Direct', isAccessible: false, ownerId: otherUserId,
    }),
    report(demoReportIds.myOpenLeads, 'My Open Leads', {
      reportType: leadList, rowSObject: 'Lead', detailColumns: [l.id, l.company, l.email, l.status], scope: 'user',
      rowFilter: (record) => record.Status === 'Open - Not Contacted',
    }),
    report(demoReportIds.customersTabular, 'Customer Accounts', {
      reportType: accountList, rowSObject: 'Account', detailColumns: [a.name, a.id, a.website, a.country, a.type, a.lastUpdate],
      rowFilter: (record) => String(record.Type ?? '').startsWith('Customer') && record.AccountSource !== 'Legacy ERP Import',
    }),
  );
  const lastRun = formatDateTime(new Date(Math.floor(state.now().getTime() / 86_400_000) * 86_400_000 - 3_600_000));
  for (const definition of state.reports) {
    state.put('Report', {
      Id: definition.id, Name: definition.name, DeveloperName: definition.developerName, FolderName: definition.folderName,
      Format: definition.format.charAt(0) + definition.format.slice(1).toLowerCase(), LastRunDate: lastRun, Description: null,
      OwnerId: definition.ownerId, IsDeleted: false,
    });
  }
}
