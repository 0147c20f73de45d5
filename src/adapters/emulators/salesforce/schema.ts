import { keyPrefixes } from './ids';

/** The sObjects the emulator serves, written from the Salesforce field reference: name, type, label, writability. */
export type FieldType =
  | 'id' | 'string' | 'textarea' | 'url' | 'email' | 'phone' | 'picklist' | 'reference'
  | 'boolean' | 'int' | 'currency' | 'datetime' | 'date';

export interface FieldDefinition {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly length: number;
  readonly isCustom: boolean;
  readonly isCreateable: boolean;
  readonly isUpdateable: boolean;
  readonly isNillable: boolean;
  readonly referenceTo: readonly string[];
  readonly relationshipName: string | null;
  readonly picklistValues: readonly string[];
}

export interface SObjectDefinition {
  readonly name: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly keyPrefix: string;
  readonly isWritable: boolean;
  readonly fields: readonly FieldDefinition[];
}

type FieldOptions = Partial<Omit<FieldDefinition, 'name' | 'type' | 'label'>>;

function field(name: string, type: FieldType, label: string, options: FieldOptions = {}): FieldDefinition {
  const isSystem = type === 'id' || ['CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'IsDeleted', 'CreatedById', 'LastModifiedById'].includes(name);
  return {
    name,
    label,
    type,
    length: type === 'string' || type === 'url' || type === 'email' || type === 'phone' || type === 'picklist' ? 255 : type === 'textarea' ? 32_000 : type === 'id' || type === 'reference' ? 18 : 0,
    isCustom: name.endsWith('__c'),
    isCreateable: !isSystem,
    isUpdateable: !isSystem,
    isNillable: type !== 'boolean' && !isSystem,
    referenceTo: [],
    relationshipName: null,
    picklistValues: [],
    ...options,
  };
}

function reference(name: string, label: string, referenceTo: string[], relationshipName: string, options: FieldOptions = {}): FieldDefinition {
  return field(name, 'reference', label, { referenceTo, relationshipName, ...options });
}

const systemFields = (label: string): FieldDefinition[] => [
  field('Id', 'id', `${label} ID`),
  field('IsDeleted', 'boolean', 'Deleted'),
  field('CreatedDate', 'datetime', 'Created Date'),
  reference('CreatedById', 'Created By ID', ['User'], 'CreatedBy', { isCreateable: false, isUpdateable: false }),
  field('LastModifiedDate', 'datetime', 'Last Modified Date'),
  reference('LastModifiedById', 'Last Modified By ID', ['User'], 'LastModifiedBy', { isCreateable: false, isUpdateable: false }),
  field('SystemModstamp', 'datetime', 'System Modstamp'),
];

const owner = reference('OwnerId', 'Owner ID', ['User'], 'Owner');
const segmentNames = field('Segment_Names__c', 'textarea', 'Segment Names', { length: 131_072 });
/** Conversational Email managed package v2 fields on Lead and Contact (conversational-email-salesforce.txt). */
const conversationalEmailFields = [
  field('sixsense_ce__status__c', 'picklist', 'Conversational Email Lead Status', { picklistValues: ['Not Started', 'In Progress', 'Qualified', 'Import Error', 'Completed'] }),
  field('sixsense_ce__last_synced_at__c', 'datetime', 'Conversational Email Last Synced Time', { isCreateable: true, isUpdateable: true, isNillable: true }),
  field('sixsense_ce__campaign_url__c', 'url', 'Conversational Email Campaign URL'),
  field('sixsense_ce__campaign_name__c', 'string', 'Conversational Email Campaign Name', { length: 200 }),
  field('sixsense_ce__campaign_status__c', 'picklist', 'Conversational Email Campaign Status', { picklistValues: ['running', 'ended', 'paused', 'canceled', 'draft', 'scheduled'] }),
  field('sixsense_ce__campaign_creator__c', 'string', 'Conversational Email Campaign Creator', { length: 200 }),
  // Pre-June-2025 packages 1 and 2, and the fields openabm creates through the Tooling API. Hidden until "installed"
  // or created (ceOrgSetup.ts), so describe shows only what the org has.
  field('sw01_status__c', 'picklist', '6sense contact status'),
  field('sw01_last_synced_at__c', 'datetime', '6sense last synced time'),
  field('sw01_campaign_name__c', 'string', '6sense campaign name', { length: 200 }),
  field('sw01_campaign_status__c', 'picklist', '6sense campaign status', { picklistValues: ['running', 'ended', 'paused', 'canceled', 'draft', 'scheduled'] }),
  field('sw01_campaign_creator__c', 'string', '6sense campaign creator', { length: 200 }),
  field('sw01_campaign_url__c', 'url', '6sense campaign URL'),
  field('openabm_ce_status__c', 'string', 'openabm CE Status', { length: 40 }),
  field('openabm_ce_last_synced_at__c', 'datetime', 'openabm CE Last Synced Time'),
  field('openabm_ce_campaign_name__c', 'string', 'openabm CE Campaign Name', { length: 200 }),
  field('openabm_ce_campaign_status__c', 'string', 'openabm CE Campaign Status', { length: 20 }),
  field('openabm_ce_campaign_creator__c', 'string', 'openabm CE Campaign Creator', { length: 200 }),
  field('openabm_ce_campaign_url__c', 'url', 'openabm CE Campaign URL'),
  field('openabm_ce_do_not_contact__c', 'boolean', 'openabm CE Do Not Contact'),
];

export const industries = ['Agriculture', 'Banking', 'Chemicals', 'Communications', 'Construction', 'Consulting', 'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Finance', 'Healthcare', 'Hospitality', 'Insurance', 'Manufacturing', 'Media', 'Retail', 'Technology', 'Transportation', 'Other'];

const definitions: SObjectDefinition[] = [
  {
    name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: keyPrefixes.Account, isWritable: true,
    fields: [
      ...systemFields('Account'),
      field('Name', 'string', 'Account Name', { isNillable: false }),
      field('Type', 'picklist', 'Account Type', { picklistValues: ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller', 'Installation Partner', 'Technology Partner', 'Other'] }),
      field('Website', 'url', 'Website'),
      field('Phone', 'phone', 'Account Phone'),
      field('Industry', 'picklist', 'Industry', { picklistValues: industries }),
      field('NumberOfEmployees', 'int', 'Employees'),
      field('AnnualRevenue', 'currency', 'Annual Revenue'),
      field('BillingCity', 'string', 'Billing City', { length: 40 }),
      field('BillingState', 'string', 'Billing State/Province', { length: 80 }),
      field('BillingCountry', 'string', 'Billing Country', { length: 80 }),
      field('AccountSource', 'picklist', 'Account Source', { picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Legacy ERP Import', 'Other'] }),
      field('Rating', 'picklist', 'Account Rating', { picklistValues: ['Hot', 'Warm', 'Cold'] }),
      reference('ParentId', 'Parent Account ID', ['Account'], 'Parent'),
      owner,
      field('Credit_Rating__c', 'picklist', 'Credit Rating', { picklistValues: ['AAA', 'AA', 'A', 'B', 'C'] }),
      segmentNames,
    ],
  },
  {
    name: 'Contact', label: 'Contact', labelPlural: 'Contacts', keyPrefix: keyPrefixes.Contact, isWritable: true,
    fields: [
      ...systemFields('Contact'),
      field('FirstName', 'string', 'First Name', { length: 40 }),
      field('LastName', 'string', 'Last Name', { length: 80, isNillable: false }),
      field('Name', 'string', 'Full Name', { isCreateable: false, isUpdateable: false }),
      field('Email', 'email', 'Email', { length: 80 }),
      field('Title', 'string', 'Title', { length: 128 }),
      field('Phone', 'phone', 'Business Phone'),
      field('MailingCountry', 'string', 'Mailing Country', { length: 80 }),
      reference('AccountId', 'Account ID', ['Account'], 'Account'),
      owner,
      segmentNames,
      ...conversationalEmailFields,
    ],
  },
  {
    name: 'Lead', label: 'Lead', labelPlural: 'Leads', keyPrefix: keyPrefixes.Lead, isWritable: true,
    fields: [
      ...systemFields('Lead'),
      field('FirstName', 'string', 'First Name', { length: 40 }),
      field('LastName', 'string', 'Last Name', { length: 80, isNillable: false }),
      field('Name', 'string', 'Full Name', { isCreateable: false, isUpdateable: false }),
      field('Company', 'string', 'Company', { isNillable: false }),
      field('Email', 'email', 'Email', { length: 80 }),
      field('Website', 'url', 'Website'),
      field('Title', 'string', 'Title', { length: 128 }),
      field('Country', 'string', 'Country', { length: 80 }),
      field('Status', 'picklist', 'Lead Status', { isNillable: false, picklistValues: ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'] }),
      field('LeadSource', 'picklist', 'Lead Source', { picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] }),
      field('IsConverted', 'boolean', 'Converted', { isCreateable: false, isUpdateable: false }),
      field('ConvertedDate', 'date', 'Converted Date', { isCreateable: false, isUpdateable: false }),
      reference('ConvertedAccountId', 'Converted Account ID', ['Account'], 'ConvertedAccount', { isCreateable: false, isUpdateable: false }),
      reference('ConvertedContactId', 'Converted Contact ID', ['Contact'], 'ConvertedContact', { isCreateable: false, isUpdateable: false }),
      owner,
      segmentNames,
      ...conversationalEmailFields,
    ],
  },
  {
    name: 'Task', label: 'Task', labelPlural: 'Tasks', keyPrefix: keyPrefixes.Task, isWritable: true,
    fields: [
      ...systemFields('Activity'),
      reference('WhoId', 'Name ID', ['Contact', 'Lead'], 'Who'),
      reference('WhatId', 'Related To ID', ['Account', 'Opportunity'], 'What'),
      field('Subject', 'string', 'Subject', { length: 255 }),
      field('ActivityDate', 'date', 'Due Date Only'),
      field('Status', 'picklist', 'Status', { isNillable: false, picklistValues: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'] }),
      field('Priority', 'picklist', 'Priority', { isNillable: false, picklistValues: ['High', 'Normal', 'Low'] }),
      field('Description', 'textarea', 'Description'),
      field('TaskSubtype', 'picklist', 'Task Subtype', { isUpdateable: false, picklistValues: ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'] }),
      owner,
    ],
  },
  {
    name: 'User', label: 'User', labelPlural: 'Users', keyPrefix: keyPrefixes.User, isWritable: false,
    fields: [
      ...systemFields('User'),
      field('Username', 'string', 'Username', { length: 80 }),
      field('Name', 'string', 'Full Name'),
      field('Alias', 'string', 'Alias', { length: 8 }),
      field('Email', 'email', 'Email'),
      field('IsActive', 'boolean', 'Active'),
    ],
  },
  {
    name: 'Report', label: 'Report', labelPlural: 'Reports', keyPrefix: keyPrefixes.Report, isWritable: false,
    fields: [
      ...systemFields('Report'),
      field('Name', 'string', 'Report Name', { length: 40 }),
      field('DeveloperName', 'string', 'Report Unique Name', { length: 80 }),
      field('FolderName', 'string', 'Folder Name'),
      field('Format', 'picklist', 'Format', { picklistValues: ['Tabular', 'Summary', 'Matrix', 'MultiBlock'] }),
      field('LastRunDate', 'datetime', 'Last Run'),
      field('Description', 'string', 'Description'),
      owner,
    ],
  },
  {
    name: 'ListView', label: 'List View', labelPlural: 'List Views', keyPrefix: keyPrefixes.ListView, isWritable: false,
    fields: [
      ...systemFields('List View'),
      field('Name', 'string', 'View Name', { length: 40 }),
      field('DeveloperName', 'string', 'View Unique Name', { length: 80 }),
      field('SobjectType', 'picklist', 'Sobject Type Name', { picklistValues: ['Account', 'Contact', 'Lead'] }),
      field('IsSoqlCompatible', 'boolean', 'SOQL Compatible'),
    ],
  },
  // The connecting user's effective permissions, object permissions and the org's edition (Conversational Email
  // pre-flight; ceOrgSetup.ts seeds one record each and can withhold any).
  {
    name: 'Organization', label: 'Organization', labelPlural: 'Organizations', keyPrefix: keyPrefixes.Organization, isWritable: false,
    fields: [...systemFields('Organization'), field('Name', 'string', 'Name', { length: 80 }), field('OrganizationType', 'picklist', 'Edition')],
  },
  {
    name: 'UserPermissionAccess', label: 'User Permission Access', labelPlural: 'User Permission Access', keyPrefix: '0Qu', isWritable: false,
    fields: [
      ...systemFields('UserPermissionAccess'),
      field('PermissionsApiEnabled', 'boolean', 'API Enabled'),
      field('PermissionsRunReports', 'boolean', 'Run Reports'),
      field('PermissionsViewPublicReports', 'boolean', 'View Reports in Public Folders'),
      field('PermissionsCustomizeApplication', 'boolean', 'Customize Application'),
    ],
  },
  {
    name: 'ObjectPermissions', label: 'Object Permissions', labelPlural: 'Object Permissions', keyPrefix: '110', isWritable: false,
    fields: [
      ...systemFields('ObjectPermissions'),
      field('SobjectType', 'string', 'Sobject Type Name'),
      field('PermissionsRead', 'boolean', 'Read Records'),
      field('PermissionsCreate', 'boolean', 'Create Records'),
      field('PermissionsEdit', 'boolean', 'Edit Records'),
    ],
  },
];

export const sobjectDefinitions: ReadonlyMap<string, SObjectDefinition> = new Map(definitions.map((d) => [d.name, d]));

/** The definition of an sObject, matched case-insensitively as SOQL and URLs do. */
export function findSObject(name: string): SObjectDefinition | undefined {
  const lower = name.toLowerCase();
  return definitions.find((d) => d.name.toLowerCase() === lower);
}

export function findField(sobject: SObjectDefinition, name: string): FieldDefinition | undefined {
  const lower = name.toLowerCase();
  return sobject.fields.find((f) => f.name.toLowerCase() === lower);
}

/** The sObject an id belongs to, from its key prefix. */
export function sobjectForId(id: string): SObjectDefinition | undefined {
  const prefix = id.slice(0, 3);
  return definitions.find((d) => d.keyPrefix === prefix);
}
