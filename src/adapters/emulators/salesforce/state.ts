import { formatDateTime, keyPrefixes, makeId } from './ids';
import { sobjectDefinitions } from './schema';
import type { ListViewDefinition, ReportDefinition } from './sources';
import { TokenStore, type ConnectedApp } from './tokenStore';

export type FieldValue = string | number | boolean | null;
/** One stored record: canonical field names → values (datetimes as `2024-05-01T10:20:30.000+0000`). Never mutated: writes replace it. */
export type SObjectRecord = Readonly<Record<string, FieldValue>> & { readonly Id: string };

export interface SalesforceOrgClock {
  now(): Date;
}

export interface SalesforceOrgStateOptions {
  readonly orgId: string;
  readonly orgName: string;
  readonly app: ConnectedApp;
  readonly integrationUserId: string;
  readonly clock: SalesforceOrgClock;
  /** Daily API request allowance (DailyApiRequests.Max). */
  readonly dailyApiLimit: number;
  /** Access tokens stop working after this long (the org's session timeout); then REST answers 401. */
  readonly sessionTimeoutMs: number;
  /** The connected app returns a new refresh token on every refresh and invalidates the old one. */
  readonly isRefreshTokenRotating: boolean;
}

/** A server-side query cursor: the matched records (a snapshot), read page by page through nextRecordsUrl. */
export interface QueryCursor {
  readonly records: readonly SObjectRecord[];
  readonly project: (record: SObjectRecord) => Record<string, unknown>;
  readonly batchSize: number;
}

const MAX_OPEN_CURSORS = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Everything the Salesforce emulator holds for its one org: records per sObject, field visibility of the
 * integration user, list views, reports, OAuth sessions, the daily API counter and open query cursors.
 * Tests read and change it directly (emulator.state).
 */
export class SalesforceOrgState {
  readonly tokens: TokenStore;
  readonly listViews: ListViewDefinition[] = [];
  readonly reports: ReportDefinition[] = [];
  /** Fields the integration user cannot see (field-level security), per sObject: absent from describe, INVALID_FIELD in SOQL. */
  readonly hiddenFields = new Map<string, Set<string>>();
  private readonly tables = new Map<string, Map<string, SObjectRecord>>();
  private readonly counters = new Map<string, number>();
  private readonly cursors = new Map<string, QueryCursor>();
  private cursorCounter = 0;
  private apiUsage = { used: 0, windowStartMs: 0 };
  dailyApiLimit: number;

  constructor(readonly options: SalesforceOrgStateOptions) {
    this.tokens = new TokenStore(options.app, options.orgId, () => options.clock.now(), options.sessionTimeoutMs);
    this.dailyApiLimit = options.dailyApiLimit;
    this.apiUsage.windowStartMs = options.clock.now().getTime();
    for (const name of sobjectDefinitions.keys()) this.tables.set(name, new Map());
  }

  now(): Date {
    return this.options.clock.now();
  }

  nextId(sobjectType: string): string {
    const prefix = sobjectDefinitions.get(sobjectType)?.keyPrefix ?? keyPrefixes.Opportunity;
    const counter = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, counter);
    return makeId(prefix, counter);
  }

  private table(sobjectType: string): Map<string, SObjectRecord> {
    const table = this.tables.get(sobjectType);
    if (!table) throw new Error(`unknown sObject ${sobjectType}`);
    return table;
  }

  /** Adds a record as generated (no stamps added): demo data and tests. Returns it. */
  put(sobjectType: string, record: SObjectRecord): SObjectRecord {
    this.table(sobjectType).set(record.Id, record);
    return record;
  }

  /** Creates a record the way an API insert does: new id, owner, system stamps. */
  insert(sobjectType: string, fields: Record<string, FieldValue>, byUserId = this.options.integrationUserId): SObjectRecord {
    const stamp = formatDateTime(this.now());
    const record: SObjectRecord = {
      OwnerId: byUserId,
      ...fields,
      Id: this.nextId(sobjectType),
      IsDeleted: false,
      CreatedDate: stamp,
      CreatedById: byUserId,
      LastModifiedDate: stamp,
      LastModifiedById: byUserId,
      SystemModstamp: stamp,
    };
    return this.put(sobjectType, withDerivedFields(sobjectType, record));
  }

  /** Applies field changes the way an API update does (LastModifiedDate/SystemModstamp move). */
  update(sobjectType: string, id: string, fields: Record<string, FieldValue>, byUserId = this.options.integrationUserId): SObjectRecord {
    const current = this.get(sobjectType, id);
    if (!current) throw new Error(`no ${sobjectType} ${id}`);
    const stamp = formatDateTime(this.now());
    const record: SObjectRecord = { ...current, ...fields, Id: current.Id, LastModifiedDate: stamp, LastModifiedById: byUserId, SystemModstamp: stamp };
    return this.put(sobjectType, withDerivedFields(sobjectType, record));
  }

  /** Soft delete: the record moves to the recycle bin (visible to queryAll with IsDeleted = true). */
  delete(sobjectType: string, id: string): void {
    const current = this.get(sobjectType, id);
    if (current) this.put(sobjectType, { ...current, IsDeleted: true, SystemModstamp: formatDateTime(this.now()) });
  }

  /** A record by 15- or 18-character id (deleted ones included). */
  get(sobjectType: string, id: string): SObjectRecord | undefined {
    const table = this.table(sobjectType);
    if (id.length === 18) return table.get(id);
    for (const record of table.values()) if (record.Id.startsWith(id)) return record;
    return undefined;
  }

  /** Every record of an sObject in insertion order, deleted ones only when asked (queryAll). */
  records(sobjectType: string, isIncludingDeleted = false): SObjectRecord[] {
    const all = [...this.table(sobjectType).values()];
    return isIncludingDeleted ? all : all.filter((record) => record.IsDeleted !== true);
  }

  count(sobjectType: string): number {
    return this.records(sobjectType).length;
  }

  isFieldHidden(sobjectType: string, field: string): boolean {
    const hidden = this.hiddenFields.get(sobjectType);
    if (!hidden) return false;
    const lower = field.toLowerCase();
    return [...hidden].some((name) => name.toLowerCase() === lower);
  }

  // ---- daily API allowance (a rolling window approximated by a fixed 24 h window) ----

  private rollWindow(): void {
    const nowMs = this.now().getTime();
    if (nowMs - this.apiUsage.windowStartMs >= DAY_MS) this.apiUsage = { used: 0, windowStartMs: nowMs };
  }

  /** Counts one REST call; false (and not counted) when the allowance is already spent. */
  countApiCall(): boolean {
    this.rollWindow();
    if (this.apiUsage.used >= this.dailyApiLimit) return false;
    this.apiUsage.used += 1;
    return true;
  }

  apiUsed(): number {
    this.rollWindow();
    return this.apiUsage.used;
  }

  /** Sets how many calls have been made today (tests: `setApiUsed(limit)` exhausts the allowance). */
  setApiUsed(used: number): void {
    this.rollWindow();
    this.apiUsage.used = used;
  }

  private reportRunStampsMs: number[] = [];

  /** Counts a synchronous report run against HourlySyncReportRuns (500 per hour per org). */
  countReportRun(): void {
    this.reportRunStampsMs.push(this.now().getTime());
  }

  reportRunsThisHour(): number {
    const sinceMs = this.now().getTime() - 60 * 60 * 1000;
    this.reportRunStampsMs = this.reportRunStampsMs.filter((stampMs) => stampMs > sinceMs);
    return this.reportRunStampsMs.length;
  }

  // ---- query cursors ----

  openCursor(cursor: QueryCursor): string {
    this.cursorCounter += 1;
    const cursorId = makeId(keyPrefixes.QueryLocator, this.cursorCounter).slice(0, 15) + 'AAA';
    this.cursors.set(cursorId, cursor);
    // Salesforce keeps a bounded number of open cursors per user; the oldest are dropped first.
    if (this.cursors.size > MAX_OPEN_CURSORS) {
      const oldest = this.cursors.keys().next().value;
      if (oldest !== undefined) this.cursors.delete(oldest);
    }
    return cursorId;
  }

  cursor(cursorId: string): QueryCursor | undefined {
    return this.cursors.get(cursorId);
  }
}

/** Name on Contact/Lead and the converted flag are computed by Salesforce, not written. */
function withDerivedFields(sobjectType: string, record: SObjectRecord): SObjectRecord {
  if (sobjectType === 'Contact' || sobjectType === 'Lead') {
    const name = [record.FirstName, record.LastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
    return { ...record, Name: name };
  }
  return record;
}
