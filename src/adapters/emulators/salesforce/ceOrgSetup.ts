import { formatDateTime, keyPrefixes, makeId } from './ids';
import { leadColumns as l, contactColumns as c } from './reportColumns';
import type { ReportColumnDefinition, ReportDefinition } from './sources';
import type { FieldValue, SalesforceOrgState, SObjectRecord } from './state';

/**
 * What the Conversational Email work adds to the emulator's org: which CE package fields exist (v2 by default, the
 * pre-June-2025 `sw01_…` package on demand, openabm's own once created through the Tooling API), the connecting
 * user's permissions and the org's edition (each can be withheld for the pre-flight check), and small reports of
 * people to enroll (a lead report that tests grow, a contacts report and a "Leads & Opportunities" custom type).
 */
export type CePackage = 'sixsense_v2' | 'sw01' | 'none';

const PACKAGE_FIELDS: Readonly<Record<'sixsense_v2' | 'sw01' | 'openabm', readonly string[]>> = {
  sixsense_v2: ['sixsense_ce__status__c', 'sixsense_ce__last_synced_at__c', 'sixsense_ce__campaign_url__c', 'sixsense_ce__campaign_name__c', 'sixsense_ce__campaign_status__c', 'sixsense_ce__campaign_creator__c'],
  sw01: ['sw01_status__c', 'sw01_last_synced_at__c', 'sw01_campaign_name__c', 'sw01_campaign_status__c', 'sw01_campaign_creator__c', 'sw01_campaign_url__c'],
  openabm: ['openabm_ce_status__c', 'openabm_ce_last_synced_at__c', 'openabm_ce_campaign_name__c', 'openabm_ce_campaign_status__c', 'openabm_ce_campaign_creator__c', 'openabm_ce_campaign_url__c', 'openabm_ce_do_not_contact__c'],
};

/** Field API names the Tooling API may create (the emulator's schema knows their types). */
export const TOOLING_CREATABLE_FIELDS: readonly string[] = PACKAGE_FIELDS.openabm;

const PERSON_OBJECTS = ['Lead', 'Contact'] as const;

function hide(state: SalesforceOrgState, sobjectType: string, fields: readonly string[]): void {
  const hidden = state.hiddenFields.get(sobjectType) ?? new Set<string>();
  for (const name of fields) hidden.add(name);
  state.hiddenFields.set(sobjectType, hidden);
}

function unhide(state: SalesforceOrgState, sobjectType: string, fields: readonly string[]): void {
  const hidden = state.hiddenFields.get(sobjectType);
  if (!hidden) return;
  for (const name of fields) hidden.delete(name);
}

/** Which managed package the org has installed; openabm's own fields always start absent. */
export function installCePackage(state: SalesforceOrgState, installed: CePackage): void {
  for (const object of PERSON_OBJECTS) {
    hide(state, object, [...PACKAGE_FIELDS.sixsense_v2, ...PACKAGE_FIELDS.sw01]);
    if (installed !== 'none') unhide(state, object, PACKAGE_FIELDS[installed]);
  }
}

/** A Tooling API CustomField create: the field appears in describe, SOQL and writes. */
export function createCustomField(state: SalesforceOrgState, sobjectType: string, fieldName: string): 'created' | 'duplicate' | 'unknown' {
  const canonical = TOOLING_CREATABLE_FIELDS.find((name) => name.toLowerCase() === fieldName.toLowerCase());
  if (!canonical || !(PERSON_OBJECTS as readonly string[]).includes(sobjectType)) return 'unknown';
  if (!state.isFieldHidden(sobjectType, canonical)) return 'duplicate';
  unhide(state, sobjectType, [canonical]);
  return 'created';
}

export const CE_USER_PERMISSIONS = ['PermissionsApiEnabled', 'PermissionsRunReports', 'PermissionsViewPublicReports', 'PermissionsCustomizeApplication'] as const;
export type CeUserPermission = (typeof CE_USER_PERMISSIONS)[number];
const CE_OBJECTS = ['Lead', 'Contact', 'Account', 'Task', 'Campaign', 'Opportunity', 'CampaignMember'] as const;

const ORGANIZATION_ID = makeId(keyPrefixes.Organization, 1);
const PERMISSION_ACCESS_ID = makeId('0Qu', 1);

export const ceReportIds = {
  /** Tabular Leads report of the "Webinar" leads: tests add leads to it over time. */
  webinarLeads: makeId('00O', 40),
  /** Tabular Contacts & Accounts report of contacts whose title mentions "VP". */
  vpContacts: makeId('00O', 41),
  /** Custom report type joining Lead and Opportunity ("Leads & Opportunities"), recognised by its base objects. */
  leadsWithOpportunities: makeId('00O', 42),
} as const;

/** Seeds the records the pre-flight reads, hides the sw01/openabm fields and adds the CE demo reports and leads. */
export function addConversationalEmailOrg(state: SalesforceOrgState, options: { webinarLeadCount?: number } = {}): void {
  installCePackage(state, 'sixsense_v2');
  for (const object of PERSON_OBJECTS) hide(state, object, PACKAGE_FIELDS.openabm);
  const stamp = formatDateTime(state.now());
  const base = { IsDeleted: false, CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp };
  state.put('Organization', { Id: ORGANIZATION_ID, Name: state.options.orgName, OrganizationType: 'Enterprise Edition', ...base });
  state.put('UserPermissionAccess', { Id: PERMISSION_ACCESS_ID, ...Object.fromEntries(CE_USER_PERMISSIONS.map((name) => [name, true])), ...base });
  CE_OBJECTS.forEach((object, index) => {
    state.put('ObjectPermissions', { Id: makeId('110', index + 1), SobjectType: object, PermissionsRead: true, PermissionsCreate: true, PermissionsEdit: true, ...base });
  });
  for (let index = 0; index < (options.webinarLeadCount ?? 4); index++) addWebinarLead(state);
  addCeReports(state);
}

const WEBINAR_PEOPLE = [
  ['Ada', 'Lovelace', 'Analytical Engines Ltd'],
  ['Grace', 'Hopper', 'Compiler Works'],
  ['Alan', 'Turing', 'Bletchley Systems'],
  ['Katherine', 'Johnson', 'Orbital Mechanics Inc'],
  ['Edsger', 'Dijkstra', 'Shortest Path BV'],
  ['Barbara', 'Liskov', 'Substitution Labs'],
  ['Donald', 'Knuth', 'Literate Programs'],
  ['Margaret', 'Hamilton', 'Apollo Software'],
] as const;

/** Adds one more lead to the webinar report (a report that grows over time); fields override the generated ones. */
export function addWebinarLead(state: SalesforceOrgState, fields: Record<string, FieldValue> = {}): SObjectRecord {
  const index = state.records('Lead').filter((record) => record.LeadSource === 'Webinar').length;
  const [first, last, company] = WEBINAR_PEOPLE[index % WEBINAR_PEOPLE.length] ?? ['Pat', 'Doe', 'Example Co'];
  const suffix = index >= WEBINAR_PEOPLE.length ? String(index) : '';
  const owner = state.records('User').find((user) => user.Username === 'avery.morgan@openabm-demo.example');
  return state.insert('Lead', {
    FirstName: first,
    LastName: last,
    Company: company,
    Email: `${first.toLowerCase()}.${last.toLowerCase()}${suffix}@${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
    Title: 'Head of Operations',
    Status: 'Open - Not Contacted',
    LeadSource: 'Webinar',
    IsConverted: false,
    ...(owner ? { OwnerId: owner.Id } : {}),
    ...fields,
  });
}

const prefixed = (object: string, column: ReportColumnDefinition, label?: string): ReportColumnDefinition => ({ ...column, key: `${object}.${column.key}`, label: label ?? column.label });

function addCeReports(state: SalesforceOrgState): void {
  const integrationUserId = state.options.integrationUserId;
  const report = (id: string, name: string, extra: Pick<ReportDefinition, 'reportType' | 'rowSObject' | 'detailColumns' | 'rowFilter'>): ReportDefinition => ({
    id, name, developerName: name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''), folderName: 'Marketing Reports (Public)', folderId: makeId('00l', 1),
    format: 'TABULAR', groupingsDown: [], groupingsAcross: [], reportFilters: [], scope: 'organization', ownerId: integrationUserId, isAccessible: true, ...extra,
  });
  const isWebinar = (record: SObjectRecord) => record.LeadSource === 'Webinar';
  const added = [
    report(ceReportIds.webinarLeads, 'Webinar Leads to Follow Up', {
      reportType: { type: 'LeadList', label: 'Leads' }, rowSObject: 'Lead', detailColumns: [l.id, l.firstName, l.lastName, l.company, l.email, l.status], rowFilter: isWebinar,
    }),
    report(ceReportIds.vpContacts, 'VP Contacts', {
      reportType: { type: 'ContactList', label: 'Contacts & Accounts' }, rowSObject: 'Contact', detailColumns: [c.id, c.firstName, c.lastName, c.email, c.title, c.account],
      rowFilter: (record) => /\bVP\b|vice president/i.test(String(record.Title ?? '')),
    }),
    report(ceReportIds.leadsWithOpportunities, 'Webinar Leads with Opportunities', {
      reportType: { type: 'Leads_and_Opportunities__c', label: 'Leads & Opportunities' }, rowSObject: 'Lead',
      detailColumns: [prefixed('Lead', l.id), prefixed('Lead', l.firstName), prefixed('Lead', l.email), { key: 'Opportunity.Name', label: 'Opportunity Name', dataType: 'string', cell: () => ({ label: '-', value: null }) }],
      rowFilter: isWebinar,
    }),
  ];
  state.reports.push(...added);
  for (const definition of added) {
    state.put('Report', { Id: definition.id, Name: definition.name, DeveloperName: definition.developerName, FolderName: definition.folderName, Format: 'Tabular', LastRunDate: null, Description: null, OwnerId: definition.ownerId, IsDeleted: false });
  }
}

// ---- withholding, for the pre-flight check ----

export function setUserPermission(state: SalesforceOrgState, permission: CeUserPermission, isGranted: boolean): void {
  state.update('UserPermissionAccess', PERMISSION_ACCESS_ID, { [permission]: isGranted });
}

export function setObjectAccess(state: SalesforceOrgState, object: (typeof CE_OBJECTS)[number], access: { read: boolean; create: boolean; edit: boolean }): void {
  const record = state.records('ObjectPermissions').find((candidate) => candidate.SobjectType === object);
  if (record) state.update('ObjectPermissions', record.Id, { PermissionsRead: access.read, PermissionsCreate: access.create, PermissionsEdit: access.edit });
}

export function setOrganizationType(state: SalesforceOrgState, organizationType: string): void {
  state.update('Organization', ORGANIZATION_ID, { OrganizationType: organizationType });
}

export function isUserPermissionGranted(state: SalesforceOrgState, permission: CeUserPermission): boolean {
  const record = state.get('UserPermissionAccess', PERMISSION_ACCESS_ID);
  return record === undefined || record[permission] !== false;
}

/** Editions without API access (conversational-email-salesforce.txt: "such as the Contact or Group editions"). */
export function hasApiAccess(state: SalesforceOrgState): boolean {
  const organization = state.get('Organization', ORGANIZATION_ID);
  return !['Group Edition', 'Contact Manager Edition', 'Personal Edition'].includes(String(organization?.OrganizationType ?? ''));
}
