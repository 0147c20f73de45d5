import type { ReportCell, ReportColumnDefinition } from './sources';
import type { FieldValue, SObjectRecord } from './state';

/** Report columns by API name (Reports and Dashboards REST API), each reading its cell from a row's record. */
type Lookup = (id: string | null) => SObjectRecord | undefined;

function text(value: FieldValue | undefined): ReportCell {
  return value === null || value === undefined || value === '' ? { label: '-', value: null } : { label: String(value), value: String(value) };
}

function dateCell(value: FieldValue | undefined): ReportCell {
  if (typeof value !== 'string') return { label: '-', value: null };
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return { label: `${month}/${day}/${year}`, value: value.slice(0, 10) };
}

function column(key: string, label: string, dataType: ReportColumnDefinition['dataType'], cell: ReportColumnDefinition['cell']): ReportColumnDefinition {
  return { key, label, dataType, cell };
}

const field = (key: string, label: string, dataType: ReportColumnDefinition['dataType'], name: string) =>
  column(key, label, dataType, (record) => (dataType === 'date' || dataType === 'datetime' ? dateCell(record[name]) : text(record[name])));

const idColumn = (key: string, label: string) => column(key, label, 'id', (record) => ({ label: record.Id, value: record.Id }));

/** A name column carries the record id as its value and the name as its label (lookup/name semantics). */
const nameOf = (key: string, label: string, idField: string | undefined) =>
  column(key, label, 'string', (record, lookup: Lookup) => {
    const target = idField ? lookup(typeof record[idField] === 'string' ? (record[idField] as string) : null) : record;
    return target ? { label: String(target.Name ?? ''), value: target.Id } : { label: '-', value: null };
  });

const ownerName = (label: string) =>
  column('USERS.NAME', label, 'string', (record, lookup: Lookup) => text(lookup(typeof record.OwnerId === 'string' ? record.OwnerId : null)?.Name));

export const accountColumns = {
  owner: ownerName('Account Owner'),
  name: nameOf('ACCOUNT.NAME', 'Account Name', undefined),
  id: idColumn('ACCOUNT_ID', 'Account ID'),
  website: field('URL', 'Website', 'url', 'Website'),
  country: field('ADDRESS1_COUNTRY', 'Billing Country', 'string', 'BillingCountry'),
  industry: field('INDUSTRY', 'Industry', 'picklist', 'Industry'),
  type: field('TYPE', 'Type', 'picklist', 'Type'),
  lastUpdate: field('LAST_UPDATE', 'Last Modified Date', 'date', 'LastModifiedDate'),
  /** A look-alike custom column: text, not the standard id, so it does not count as the Account ID column. */
  customAccountId: column('Account.Account_ID__c', 'Account ID', 'string', (record) => ({ label: `ERP-${record.Id.slice(-6)}`, value: `ERP-${record.Id.slice(-6)}` })),
};

export const leadColumns = {
  owner: ownerName('Lead Owner'),
  id: idColumn('LEAD_ID', 'Lead ID'),
  firstName: field('FIRST_NAME', 'First Name', 'string', 'FirstName'),
  lastName: field('LAST_NAME', 'Last Name', 'string', 'LastName'),
  company: field('COMPANY', 'Company / Account', 'string', 'Company'),
  email: field('EMAIL', 'Email', 'email', 'Email'),
  country: field('COUNTRY', 'Country', 'string', 'Country'),
  status: field('STATUS', 'Lead Status', 'picklist', 'Status'),
  source: field('LEAD_SOURCE', 'Lead Source', 'picklist', 'LeadSource'),
  convertedDate: field('CONVERTED_DATE', 'Converted Date', 'date', 'ConvertedDate'),
  convertedAccount: nameOf('ACCOUNT.NAME', 'Converted Account', 'ConvertedAccountId'),
};

export const contactColumns = {
  owner: ownerName('Contact Owner'),
  id: idColumn('CONTACT_ID', 'Contact ID'),
  firstName: field('FIRST_NAME', 'First Name', 'string', 'FirstName'),
  lastName: field('LAST_NAME', 'Last Name', 'string', 'LastName'),
  email: field('EMAIL', 'Email', 'email', 'Email'),
  title: field('TITLE', 'Title', 'string', 'Title'),
  account: nameOf('ACCOUNT.NAME', 'Account Name', 'AccountId'),
  accountType: column('ACCOUNT.TYPE', 'Account Type', 'picklist', (record, lookup: Lookup) => text(lookup(typeof record.AccountId === 'string' ? record.AccountId : null)?.Type)),
};

/** Opportunity columns, read from the customer accounts the demo derives its opportunities from. */
export const opportunityColumns = {
  name: column('OPPORTUNITY_NAME', 'Opportunity Name', 'string', (record) => ({ label: `${String(record.Name)} - Renewal`, value: `006${record.Id.slice(3)}` })),
  account: nameOf('ACCOUNT_NAME', 'Account Name', undefined),
  amount: column('AMOUNT', 'Amount', 'currency', (record) => {
    const amount = ((typeof record.NumberOfEmployees === 'number' ? record.NumberOfEmployees : 10) * 137) % 500_000;
    return { label: `$${amount.toLocaleString('en-US')}.00`, value: { amount, currency: null } };
  }),
  stage: column('STAGE_NAME', 'Stage', 'picklist', (record) => text(record.Rating === 'Hot' ? 'Negotiation/Review' : 'Prospecting')),
};
