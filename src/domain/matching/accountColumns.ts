import { CsvFormatError } from './csv';

/** Where each field of an account file is, by header; -1 when the file has no such column. */
export interface AccountColumns {
  rowId: number;
  name: number;
  domain: number;
  /** An e-mail column used for the domain when the row has no website. */
  email: number;
  country: number;
}

// Header spellings, compared after lower-casing and removing spaces, underscores, dashes and dots.
const headerAliases: Record<keyof AccountColumns, readonly string[]> = {
  rowId: ['rowid', 'id', 'accountid', 'recordid', 'row', 'externalid', 'crmid', 'leadid', 'contactid'],
  name: ['name', 'accountname', 'company', 'companyname', 'organization', 'organisation', 'organizationname', 'organisationname', 'account', 'businessname'],
  domain: ['domain', 'website', 'url', 'web', 'webaddress', 'companydomain', 'companywebsite', 'site', 'homepage', 'websiteurl'],
  email: ['email', 'emailaddress', 'workemail', 'businessemail', 'mail'],
  country: ['country', 'billingcountry', 'countrycode', 'billingcountrycode', 'shippingcountry', 'hqcountry', 'countryname', 'nation'],
};

export function headerKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s_.\-/]+/g, '');
}

/**
 * Maps an account file's header row to columns (case-insensitive; "Account Name", "Billing Country", "Website"…).
 * Throws CsvFormatError when no column can identify a company.
 */
export function recogniseAccountColumns(header: readonly string[], line = 1): AccountColumns {
  const keys = header.map(headerKey);
  const find = (field: keyof AccountColumns): number => {
    for (const alias of headerAliases[field]) {
      const position = keys.indexOf(alias);
      if (position >= 0) return position;
    }
    return -1;
  };
  const columns: AccountColumns = { rowId: find('rowId'), name: find('name'), domain: find('domain'), email: find('email'), country: find('country') };
  if (columns.name < 0 && columns.domain < 0 && columns.email < 0) {
    throw new CsvFormatError(
      `no name or domain column in the header (${header.join(', ')}); expected e.g. "name", "account name", "company", "domain", "website", "url" or "email"`,
      line,
    );
  }
  return columns;
}

/** Master file columns: company_id, name, domain, country are required; the rest are optional firmographics. */
export interface MasterColumns {
  companyId: number;
  name: number;
  domain: number;
  country: number;
}

export function recogniseMasterColumns(header: readonly string[], line = 1): MasterColumns {
  const keys = header.map(headerKey);
  const columns: MasterColumns = {
    companyId: keys.findIndex((key) => key === 'companyid' || key === 'id'),
    name: keys.findIndex((key) => key === 'name' || key === 'companyname'),
    domain: keys.findIndex((key) => key === 'domain' || key === 'website'),
    country: keys.findIndex((key) => key === 'country' || key === 'countrycode'),
  };
  const missing = Object.entries({ company_id: columns.companyId, name: columns.name, domain: columns.domain, country: columns.country })
    .filter(([, position]) => position < 0)
    .map(([column]) => column);
  if (missing.length > 0) throw new CsvFormatError(`the master file's header lacks ${missing.join(', ')} (expected company_id,name,domain,country)`, line);
  return columns;
}
