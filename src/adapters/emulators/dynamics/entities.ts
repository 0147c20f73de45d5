/**
 * The Dataverse tables the emulator serves, as data: entity set, logical name, primary key, readable attributes,
 * lookups (Web API `_x_value` columns) and option-set labels. Source: ../shared/reference/dynamics365.md §1, §3.
 */
export type EntitySetName = 'accounts' | 'contacts' | 'leads';
export type AttributeValue = string | number | boolean | null;
export type EntityRow = Record<string, AttributeValue>;

export interface EntityDefinition {
  readonly setName: EntitySetName;
  readonly logicalName: 'account' | 'contact' | 'lead';
  readonly primaryIdAttribute: string;
  readonly primaryNameAttribute: string;
  /** Web API column names (lookups appear as `_name_value`). */
  readonly attributes: readonly string[];
  /** FetchXML lookup name → Web API column, e.g. ownerid → _ownerid_value. */
  readonly lookups: Readonly<Record<string, { column: string; target: 'systemuser' | 'account' | 'contact' }>>;
  readonly optionSetLabels: Readonly<Record<string, Readonly<Record<number, string>>>>;
}

const STATE_LABELS = { 0: 'Active', 1: 'Inactive' } as const;

export const INDUSTRY_CODES: Readonly<Record<number, string>> = {
  1: 'Accounting',
  2: 'Agriculture and Non-petrol Natural Resource Extraction',
  3: 'Broadcasting Printing and Publishing',
  4: 'Brokers',
  6: 'Business Services',
  7: 'Consulting',
  8: 'Consumer Services',
  9: 'Design, Direction and Creative Management',
  12: 'Financial',
  13: 'Food and Tobacco Processing',
  17: 'Manufacturing',
  19: 'Retail',
  25: 'Technology',
  26: 'Telecommunications',
  28: 'Transportation',
  29: 'Utility Creation and Distribution',
  33: 'Healthcare',
};

export const ENTITY_DEFINITIONS: Readonly<Record<EntitySetName, EntityDefinition>> = {
  accounts: {
    setName: 'accounts',
    logicalName: 'account',
    primaryIdAttribute: 'accountid',
    primaryNameAttribute: 'name',
    attributes: [
      'accountid', 'name', 'accountnumber', 'websiteurl', 'telephone1', 'address1_city', 'address1_stateorprovince',
      'address1_country', 'industrycode', 'numberofemployees', 'revenue', 'new_revenuetier', 'statecode', 'statuscode',
      '_ownerid_value', 'createdon', 'modifiedon', 'versionnumber',
    ],
    lookups: { ownerid: { column: '_ownerid_value', target: 'systemuser' } },
    optionSetLabels: { statecode: STATE_LABELS, statuscode: { 1: 'Active', 2: 'Inactive' }, industrycode: INDUSTRY_CODES },
  },
  contacts: {
    setName: 'contacts',
    logicalName: 'contact',
    primaryIdAttribute: 'contactid',
    primaryNameAttribute: 'fullname',
    attributes: [
      'contactid', 'fullname', 'firstname', 'lastname', 'emailaddress1', 'jobtitle', 'telephone1', 'address1_country',
      '_parentcustomerid_value', 'statecode', 'statuscode', '_ownerid_value', 'createdon', 'modifiedon', 'versionnumber',
    ],
    lookups: {
      ownerid: { column: '_ownerid_value', target: 'systemuser' },
      parentcustomerid: { column: '_parentcustomerid_value', target: 'account' },
    },
    optionSetLabels: { statecode: STATE_LABELS, statuscode: { 1: 'Active', 2: 'Inactive' } },
  },
  leads: {
    setName: 'leads',
    logicalName: 'lead',
    primaryIdAttribute: 'leadid',
    primaryNameAttribute: 'fullname',
    attributes: [
      'leadid', 'fullname', 'firstname', 'lastname', 'subject', 'companyname', 'emailaddress1', 'websiteurl',
      'address1_country', 'statecode', 'statuscode', '_parentaccountid_value', '_parentcontactid_value', '_ownerid_value',
      'createdon', 'modifiedon', 'versionnumber',
    ],
    lookups: {
      ownerid: { column: '_ownerid_value', target: 'systemuser' },
      parentaccountid: { column: '_parentaccountid_value', target: 'account' },
      parentcontactid: { column: '_parentcontactid_value', target: 'contact' },
    },
    optionSetLabels: {
      statecode: { 0: 'Open', 1: 'Qualified', 2: 'Disqualified' },
      statuscode: { 1: 'New', 2: 'Contacted', 3: 'Qualified', 4: 'Lost', 5: 'Cannot Contact', 6: 'No Longer Interested', 7: 'Canceled' },
    },
  },
};

export function definitionByLogicalName(logicalName: string): EntityDefinition | undefined {
  return Object.values(ENTITY_DEFINITIONS).find((definition) => definition.logicalName === logicalName);
}

/** Maps a FetchXML attribute name to the Web API column (lookups become `_x_value`). */
export function columnForFetchAttribute(definition: EntityDefinition, attribute: string): string | undefined {
  const lookup = definition.lookups[attribute];
  if (lookup) return lookup.column;
  return definition.attributes.includes(attribute) ? attribute : undefined;
}
