import type { CrmObjectType, CrmRecord } from '../../../ports/crmConnector';
import type { WireRecord } from './wire';

/** Pure mapping of Dataverse rows (OData $select rows keep nulls; FetchXML rows omit them) to CrmRecord. */
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

function text(row: WireRecord, column: string): string | undefined {
  const value = row[column];
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function formatted(row: WireRecord, column: string): string | undefined {
  return text(row, `${column}${FORMATTED}`);
}

/** Plain columns without annotations, kept in `fields`. */
function plainFields(row: WireRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !key.includes('@')));
}

/** FetchXML names lookups `ownerid`, the OData route `_ownerid_value`; accept either. */
function lookup(row: WireRecord, name: string): string | undefined {
  return text(row, `_${name}_value`) ?? text(row, name);
}

function lookupName(row: WireRecord, name: string): string | undefined {
  return formatted(row, `_${name}_value`) ?? formatted(row, name);
}

export function toCrmRecord(objectType: CrmObjectType, row: WireRecord): CrmRecord {
  const base = {
    objectType,
    country: text(row, 'address1_country'),
    ownerExternalId: lookup(row, 'ownerid'),
    ownerName: lookupName(row, 'ownerid'),
    modifiedAt: text(row, 'modifiedon'),
    fields: plainFields(row),
  };
  switch (objectType) {
    case 'account':
      return {
        ...base,
        externalId: text(row, 'accountid') ?? '',
        name: text(row, 'name')?.trim(),
        website: text(row, 'websiteurl'),
        email: text(row, 'emailaddress1'),
        accountExternalId: text(row, 'accountid'),
        companyName: text(row, 'name')?.trim(),
        isConverted: undefined,
        convertedContactExternalId: undefined,
      };
    case 'contact':
      return {
        ...base,
        externalId: text(row, 'contactid') ?? '',
        name: text(row, 'fullname') ?? ([text(row, 'firstname'), text(row, 'lastname')].filter(Boolean).join(' ') || undefined),
        website: undefined,
        email: text(row, 'emailaddress1'),
        accountExternalId: lookup(row, 'parentcustomerid'),
        companyName: lookupName(row, 'parentcustomerid'),
        isConverted: undefined,
        convertedContactExternalId: undefined,
      };
    case 'lead': {
      // Lead statecode 1 = Qualified: the lead was converted into the account/contact on parentaccountid/parentcontactid.
      const isConverted = row.statecode === 1;
      return {
        ...base,
        externalId: text(row, 'leadid') ?? '',
        name: text(row, 'fullname'),
        website: text(row, 'websiteurl'),
        email: text(row, 'emailaddress1'),
        accountExternalId: lookup(row, 'parentaccountid'),
        companyName: text(row, 'companyname')?.trim(),
        isConverted,
        convertedContactExternalId: lookup(row, 'parentcontactid'),
      };
    }
  }
}
