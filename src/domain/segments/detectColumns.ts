import { headerKey } from '../matching/accountColumns';

/** Where the name, domain and country of an uploaded account list are; -1 = none. */
export interface UploadColumnMapping {
  name: number;
  domain: number;
  country: number;
}

export interface ColumnDetection {
  mapping: UploadColumnMapping;
  /** False when the header did not say clearly: the user confirms or changes the mapping before matching. */
  isConfident: boolean;
}

const ALIASES: Readonly<Record<keyof UploadColumnMapping, readonly string[]>> = {
  name: ['name', 'accountname', 'company', 'companyname', 'organization', 'organisation', 'organizationname', 'organisationname', 'account', 'businessname'],
  domain: ['domain', 'website', 'url', 'web', 'webaddress', 'companydomain', 'companywebsite', 'site', 'homepage', 'websiteurl', 'email', 'emailaddress'],
  country: ['country', 'billingcountry', 'countrycode', 'billingcountrycode', 'shippingcountry', 'hqcountry', 'countryname', 'nation'],
};

const DOMAIN_LIKE = /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$|@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/**
 * Finds the columns from the header (case, spaces and punctuation ignored), else guesses the domain column from
 * the values. Confident only when the header names a name or domain column and no column is claimed twice.
 */
export function detectColumns(header: readonly string[], sampleRows: ReadonlyArray<readonly string[]>): ColumnDetection {
  const keys = header.map(headerKey);
  const find = (field: keyof UploadColumnMapping): number => {
    for (const alias of ALIASES[field]) {
      const position = keys.indexOf(alias);
      if (position >= 0) return position;
    }
    return -1;
  };
  const mapping: UploadColumnMapping = { name: find('name'), domain: find('domain'), country: find('country') };
  let isConfident = mapping.name >= 0 || mapping.domain >= 0;
  if (mapping.domain < 0) {
    const guess = guessDomainColumn(header.length, sampleRows, new Set([mapping.name, mapping.country]));
    if (guess >= 0) {
      mapping.domain = guess;
      isConfident = false;
    }
  }
  if (mapping.name < 0 && mapping.domain < 0) isConfident = false;
  return { mapping, isConfident };
}

function guessDomainColumn(width: number, rows: ReadonlyArray<readonly string[]>, taken: ReadonlySet<number>): number {
  let best = -1;
  let bestShare = 0.6;
  for (let column = 0; column < width; column++) {
    if (taken.has(column)) continue;
    const values = rows.map((row) => (row[column] ?? '').trim()).filter((value) => value.length > 0);
    if (values.length === 0) continue;
    const share = values.filter((value) => DOMAIN_LIKE.test(value)).length / values.length;
    if (share > bestShare) {
      best = column;
      bestShare = share;
    }
  }
  return best;
}

/** A mapping the user chose: positions must exist, name or domain must be set, no column used twice. */
export function mappingProblems(mapping: UploadColumnMapping, width: number): string[] {
  const problems: string[] = [];
  for (const [field, position] of Object.entries(mapping)) {
    if (position >= width) problems.push(`The ${field} column ${position + 1} does not exist: the file has ${width} columns.`);
  }
  if (mapping.name < 0 && mapping.domain < 0) problems.push('Choose a name or a domain column: without either no account can be matched.');
  const used = Object.values(mapping).filter((position) => position >= 0);
  if (new Set(used).size !== used.length) problems.push('Each column can be used for one field only.');
  return problems;
}
