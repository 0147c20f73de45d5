import type { CrmObjectType, CrmRecord } from '../../../ports/crmConnector';
import { SALESFORCE } from './provider';
import type { ReportRun, WhereCondition } from './wire';

/** Pure mapping between Salesforce shapes and ours (STYLE.md §3.4). */

type Raw = Readonly<Record<string, unknown>>;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Reads `Owner.Name`-style paths through relationship objects. */
export function readPath(record: Raw, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Raw)[part];
  }
  return current;
}

/** `2024-05-01T10:20:30.000+0000` (REST datetimes) → ISO 8601 with Z; undefined when unreadable. */
export function toIsoStamp(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const normalised = value.replace(/([+-])(\d{2})(\d{2})$/, '$1$2:$3');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** An ISO instant as a SOQL datetime literal, floored to the second (SOQL takes `YYYY-MM-DDThh:mm:ssZ`). */
export function toSoqlDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not an ISO instant: ${iso}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The SOQL of one object's daily sync: everything modified at or after `since`, oldest first, ties by Id. */
export function buildChangesSoql(objectType: CrmObjectType, since: string | undefined): string {
  const fields = SALESFORCE.syncFields[objectType].join(', ');
  const where = since ? ` WHERE SystemModstamp >= ${toSoqlDateTime(since)}` : '';
  return `SELECT ${fields} FROM ${SALESFORCE.sobjectNames[objectType]}${where} ORDER BY SystemModstamp ASC, Id ASC`;
}

const knownFields = new Set<string>(['attributes']);

function extraFields(record: Raw, used: readonly string[]): Record<string, unknown> {
  const skip = new Set([...knownFields, ...used.map((path) => path.split('.')[0] ?? path)]);
  return Object.fromEntries(Object.entries(record).filter(([key]) => !skip.has(key)));
}

/** A SOQL record of the daily sync (or a list view query) → CrmRecord. Missing fields map to undefined. */
export function toCrmRecord(objectType: CrmObjectType, record: Raw): CrmRecord {
  const id = text(record.Id);
  if (!id) throw new Error(`A ${objectType} record without an Id`);
  const personName = text(record.Name) ?? ([text(record.FirstName), text(record.LastName)].filter(Boolean).join(' ') || undefined);
  const base = {
    externalId: id,
    objectType,
    email: text(record.Email),
    ownerExternalId: text(record.OwnerId),
    ownerName: text(readPath(record, 'Owner.Name')),
    modifiedAt: toIsoStamp(record.SystemModstamp) ?? toIsoStamp(record.LastModifiedDate),
    fields: extraFields(record, SALESFORCE.syncFields[objectType]),
  };
  if (objectType === 'account') {
    return {
      ...base,
      name: text(record.Name),
      website: text(record.Website),
      country: text(record.BillingCountry),
      accountExternalId: id,
      companyName: text(record.Name),
      isConverted: undefined,
      convertedContactExternalId: undefined,
    };
  }
  if (objectType === 'contact') {
    return {
      ...base,
      name: personName,
      website: undefined,
      country: text(record.MailingCountry),
      accountExternalId: text(record.AccountId),
      companyName: text(readPath(record, 'Account.Name')),
      isConverted: undefined,
      convertedContactExternalId: undefined,
    };
  }
  return {
    ...base,
    name: personName,
    website: text(record.Website),
    country: text(record.Country),
    accountExternalId: text(record.ConvertedAccountId),
    companyName: text(record.Company),
    isConverted: typeof record.IsConverted === 'boolean' ? record.IsConverted : undefined,
    convertedContactExternalId: text(record.ConvertedContactId),
  };
}

/** Every field a list view's filters use (the describe's whereCondition tree), without duplicates. */
export function whereConditionFields(condition: WhereCondition | null | undefined): string[] {
  const found = new Set<string>();
  const visit = (node: WhereCondition | null | undefined): void => {
    if (!node) return;
    if (node.field) found.add(node.field);
    for (const child of node.conditions ?? []) visit(child);
  };
  visit(condition);
  return [...found];
}

/** Relationship paths (Owner.Name) are visible when their first segment's lookup field is. */
export function hiddenFields(filterFields: readonly string[], visibleFieldNames: ReadonlySet<string>, relationshipNames: ReadonlySet<string>): string[] {
  return filterFields.filter((path) => {
    const head = path.split('.')[0] ?? path;
    return !(visibleFieldNames.has(path) || visibleFieldNames.has(head) || relationshipNames.has(head));
  });
}

/** Detail rows of a report run, from every fact-map entry (tabular T!T, summary group keys, matrix cells). */
export function reportRows(run: ReportRun): Array<Array<{ label: unknown; value: unknown }>> {
  const rows: Array<Array<{ label: unknown; value: unknown }>> = [];
  for (const entry of Object.values(run.factMap)) {
    for (const row of entry.rows ?? []) rows.push(row.dataCells.map((cell) => ({ label: cell.label, value: cell.value })));
  }
  return rows;
}

/** RowCount from the grand total (T!T first aggregate), when the report has one. */
export function reportRowCount(run: ReportRun): number | undefined {
  const value = run.factMap['T!T']?.aggregates?.[0]?.value;
  return typeof value === 'number' ? value : undefined;
}

const NAME_LABELS: Readonly<Record<CrmObjectType, readonly string[]>> = {
  account: ['account name'],
  contact: ['full name', 'contact name', 'name'],
  lead: ['full name', 'lead name', 'name'],
};

/** A report's detail row → CrmRecord, using the ID column found by the rule check. Cells are positional. */
export function reportRowToRecord(
  objectType: CrmObjectType,
  columns: ReadonlyArray<{ key: string; label: string; dataType: string }>,
  idColumnKey: string,
  cells: ReadonlyArray<{ label: unknown; value: unknown }>,
): CrmRecord | undefined {
  const at = (predicate: (column: { key: string; label: string }) => boolean) => {
    const index = columns.findIndex(predicate);
    return index === -1 ? undefined : cells[index];
  };
  const idCell = at((column) => column.key === idColumnKey);
  const id = text(idCell?.value) ?? text(idCell?.label);
  if (!id) return undefined;
  const byLabel = (labels: readonly string[]) => at((column) => labels.includes(column.label.trim().toLowerCase()));
  const nameCell = byLabel(NAME_LABELS[objectType]);
  const accountCell = byLabel(['account id']) ?? byLabel(['account name']);
  const fields = Object.fromEntries(columns.map((column, index) => [column.key, cells[index]?.label ?? null]));
  const companyCell = objectType === 'lead' ? byLabel(['company / account', 'company']) : byLabel(['account name']);
  return {
    externalId: id,
    objectType,
    name: text(nameCell?.label),
    website: text(byLabel(['website'])?.label),
    email: text(byLabel(['email'])?.label),
    country: text(byLabel(['billing country', 'mailing country', 'country'])?.label),
    ownerExternalId: undefined,
    ownerName: text(byLabel(['account owner', 'contact owner', 'lead owner', 'owner'])?.label),
    accountExternalId: objectType === 'account' ? id : text(accountCell?.value),
    companyName: text(companyCell?.label),
    isConverted: undefined,
    convertedContactExternalId: undefined,
    modifiedAt: undefined,
    fields,
  };
}
