import { rowKeyOf, type SourceRow } from './resolveSourceRows';

/** What a CRM record carries for segments (structurally the CrmRecord of ports/crmConnector.ts). */
export interface CrmRecordLike {
  readonly externalId: string;
  readonly objectType: 'account' | 'contact' | 'lead';
  readonly name: string | undefined;
  readonly website: string | undefined;
  readonly email: string | undefined;
  readonly country: string | undefined;
  readonly accountExternalId: string | undefined;
  readonly companyName: string | undefined;
}

export interface KnownCrmAccount {
  readonly name: string | null;
  readonly website: string | null;
  readonly country: string | null;
}

/**
 * The account rows a list or report stands for. Accounts are themselves; for Contacts and Leads the segment holds
 * the associated accounts: the contact's account or the converted lead's account (from the synced CRM accounts
 * when known), else the company typed on the record, matched by company name and e-mail domain.
 */
export function crmRecordsToRows(records: readonly CrmRecordLike[], knownAccounts: ReadonlyMap<string, KnownCrmAccount>): SourceRow[] {
  return records.map((record, i) => {
    const rowNumber = i + 1;
    if (record.objectType === 'account') {
      return row(rowNumber, 'account', record.externalId, record.name, record.website, record.country);
    }
    const account = record.accountExternalId ? knownAccounts.get(record.accountExternalId) : undefined;
    if (record.accountExternalId && account) {
      return row(rowNumber, 'account', record.accountExternalId, account.name ?? record.companyName, account.website ?? emailDomain(record.email), account.country ?? record.country);
    }
    const website = record.objectType === 'lead' ? (record.website ?? emailDomain(record.email)) : emailDomain(record.email);
    if (record.accountExternalId) return row(rowNumber, 'account', record.accountExternalId, record.companyName, website, record.country);
    return row(rowNumber, record.objectType, record.externalId, record.companyName, website, record.country);
  });
}

function row(rowNumber: number, objectType: string, externalId: string, name: string | null | undefined, domain: string | null | undefined, country: string | null | undefined): SourceRow {
  const base = { crmObjectType: objectType, crmExternalId: externalId, name: name ?? null, domain: domain ?? null, country: country ?? null };
  return { rowNumber, rowKey: rowKeyOf(base), ...base };
}

function emailDomain(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  return at >= 0 && at < email.length - 1 ? email.slice(at + 1).trim().toLowerCase() : undefined;
}
