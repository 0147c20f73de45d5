import { toId15 } from './ids';
import { findField, findSObject, sobjectForId, type FieldDefinition, type SObjectDefinition } from './schema';
import { SoqlError, type SoqlCondition, type SoqlLiteral, type SoqlQuery } from './soql';
import type { FieldValue, SalesforceOrgState, SObjectRecord } from './state';

/** A parsed query checked against the schema and run over the org: the matching records and how to render one. */
export interface QueryResult {
  readonly sobject: SObjectDefinition;
  readonly records: readonly SObjectRecord[];
  readonly isCount: boolean;
  readonly project: (record: SObjectRecord) => Record<string, unknown>;
}

interface ResolvedPath {
  /** Relationship hops (reference fields) then the final field. */
  readonly hops: readonly FieldDefinition[];
  readonly field: FieldDefinition;
}

const DAY_MS = 86_400_000;

export function runQuery(state: SalesforceOrgState, query: SoqlQuery, options: { userId: string; isQueryAll: boolean; version: string }): QueryResult {
  const sobject = findSObject(query.from);
  if (!sobject) {
    throw new SoqlError(`sObject type '${query.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`, 'INVALID_TYPE');
  }
  const resolve = (path: string[]) => resolvePath(state, sobject, path);
  const isCount = query.select.some((item) => item.kind === 'count');
  const selected = query.select.flatMap((item) => (item.kind === 'field' ? [resolve(item.path)] : []));
  const seen = new Set<string>();
  for (const path of selected) {
    const key = pathKey(path).toLowerCase();
    if (seen.has(key)) throw new SoqlError(`duplicate field selected: ${pathKey(path)}`);
    seen.add(key);
  }
  const nowMs = state.now().getTime();
  const predicate = query.where ? compileCondition(query.where, resolve, (record, path) => readPath(state, record, path), nowMs) : () => true;
  let records = state.records(sobject.name, options.isQueryAll).filter((record) => predicate(record));
  if (query.scope === 'mine') records = records.filter((record) => record.OwnerId === options.userId);
  if (query.orderBy.length > 0) {
    const orders = query.orderBy.map((item) => ({ ...item, resolved: resolve(item.path) }));
    records = [...records].sort((a, b) => {
      for (const order of orders) {
        const left = readPath(state, a, order.resolved);
        const right = readPath(state, b, order.resolved);
        if (left === right) continue;
        if (left === null) return order.isNullsLast ? 1 : -1;
        if (right === null) return order.isNullsLast ? -1 : 1;
        const compared = compareValues(order.resolved.field, left, right);
        if (compared !== 0) return order.isDescending ? -compared : compared;
      }
      return 0;
    });
  }
  records = records.slice(query.offset ?? 0, query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit);
  const project = (record: SObjectRecord): Record<string, unknown> => {
    const output: Record<string, unknown> = { attributes: attributesOf(sobject.name, record.Id, options.version) };
    for (const path of selected) writeProjected(state, output, record, path, options.version);
    return output;
  };
  return { sobject, records, isCount, project };
}

function attributesOf(type: string, id: string, version: string): { type: string; url: string } {
  return { type, url: `/services/data/v${version}/sobjects/${type}/${id}` };
}

function pathKey(path: ResolvedPath): string {
  return [...path.hops.map((hop) => hop.relationshipName ?? hop.name), path.field.name].join('.');
}

function resolvePath(state: SalesforceOrgState, sobject: SObjectDefinition, path: string[]): ResolvedPath {
  const hops: FieldDefinition[] = [];
  let current = sobject;
  for (let index = 0; index < path.length - 1; index++) {
    const name = (path[index] ?? '').toLowerCase();
    const hop = current.fields.find((f) => f.relationshipName?.toLowerCase() === name);
    const target = hop ? findSObject(hop.referenceTo[0] ?? '') : undefined;
    if (!hop || !target) {
      throw new SoqlError(`Didn't understand relationship '${path[index]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`, 'INVALID_FIELD');
    }
    hops.push(hop);
    current = target;
  }
  const fieldName = path[path.length - 1] ?? '';
  const field = findField(current, fieldName);
  if (!field || state.isFieldHidden(current.name, field.name)) {
    throw new SoqlError(`No such column '${fieldName}' on entity '${current.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`, 'INVALID_FIELD');
  }
  return { hops, field };
}

function follow(state: SalesforceOrgState, record: SObjectRecord, hop: FieldDefinition): SObjectRecord | undefined {
  const id = record[hop.name];
  if (typeof id !== 'string') return undefined;
  const target = sobjectForId(id);
  return target ? state.get(target.name, id) : undefined;
}

function readPath(state: SalesforceOrgState, record: SObjectRecord, path: ResolvedPath): FieldValue {
  let current: SObjectRecord | undefined = record;
  for (const hop of path.hops) {
    current = current ? follow(state, current, hop) : undefined;
  }
  return current?.[path.field.name] ?? null;
}

function writeProjected(state: SalesforceOrgState, output: Record<string, unknown>, record: SObjectRecord, path: ResolvedPath, version: string): void {
  let target = output;
  let current: SObjectRecord | undefined = record;
  for (const hop of path.hops) {
    const related: SObjectRecord | undefined = current ? follow(state, current, hop) : undefined;
    const key = hop.relationshipName ?? hop.name;
    if (!related) {
      if (!(key in target)) target[key] = null;
      return;
    }
    const existing = target[key];
    if (existing && typeof existing === 'object') target = existing as Record<string, unknown>;
    else {
      const nested: Record<string, unknown> = { attributes: attributesOf(sobjectForId(related.Id)?.name ?? '', related.Id, version) };
      target[key] = nested;
      target = nested;
    }
    current = related;
  }
  target[path.field.name] = current?.[path.field.name] ?? null;
}

function compareValues(field: FieldDefinition, left: FieldValue, right: FieldValue): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  if (field.type === 'datetime') return Date.parse(String(left).replace('+0000', 'Z')) - Date.parse(String(right).replace('+0000', 'Z'));
  const a = String(left).toLowerCase();
  const b = String(right).toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

function dateRange(literal: { name: string; n: number }, nowMs: number): [number, number] {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const now = new Date(today);
  const weekStart = today - now.getUTCDay() * DAY_MS;
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  switch (literal.name) {
    case 'TODAY': return [today, today + DAY_MS];
    case 'YESTERDAY': return [today - DAY_MS, today];
    case 'TOMORROW': return [today + DAY_MS, today + 2 * DAY_MS];
    case 'THIS_WEEK': return [weekStart, weekStart + 7 * DAY_MS];
    case 'LAST_WEEK': return [weekStart - 7 * DAY_MS, weekStart];
    case 'THIS_MONTH': return [monthStart, Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)];
    case 'LAST_MONTH': return [Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1), monthStart];
    case 'THIS_YEAR': return [Date.UTC(now.getUTCFullYear(), 0, 1), Date.UTC(now.getUTCFullYear() + 1, 0, 1)];
    case 'LAST_N_DAYS': return [today - literal.n * DAY_MS, today + DAY_MS];
    default: return [today + DAY_MS, today + (literal.n + 1) * DAY_MS];
  }
}

type Reader = (record: SObjectRecord, path: ResolvedPath) => FieldValue;

function compileCondition(condition: SoqlCondition, resolve: (path: string[]) => ResolvedPath, read: Reader, nowMs: number): (record: SObjectRecord) => boolean {
  switch (condition.kind) {
    case 'and': {
      const items = condition.items.map((item) => compileCondition(item, resolve, read, nowMs));
      return (record) => items.every((item) => item(record));
    }
    case 'or': {
      const items = condition.items.map((item) => compileCondition(item, resolve, read, nowMs));
      return (record) => items.some((item) => item(record));
    }
    case 'not': {
      const item = compileCondition(condition.item, resolve, read, nowMs);
      return (record) => !item(record);
    }
    case 'in': {
      const path = resolve(condition.path);
      const tests = condition.values.map((value) => compileComparison(path.field, '=', value, nowMs));
      return (record) => {
        const value = read(record, path);
        const isIn = tests.some((test) => test(value));
        return condition.isNegated ? !isIn : isIn;
      };
    }
    case 'compare': {
      const path = resolve(condition.path);
      const test = compileComparison(path.field, condition.operator, condition.value, nowMs);
      return (record) => test(read(record, path));
    }
  }
}

function compileComparison(field: FieldDefinition, operator: string, literal: SoqlLiteral, nowMs: number): (value: FieldValue) => boolean {
  const isTemporal = field.type === 'datetime' || field.type === 'date';
  if (isTemporal && (literal.kind === 'string' || (field.type === 'datetime' && literal.kind === 'date'))) {
    const typeName = field.type === 'datetime' ? 'dateTime' : 'date';
    throw new SoqlError(`value of filter criterion for field '${field.name}' must be of type ${typeName} and should not be enclosed in quotes`);
  }
  if (literal.kind === 'null') {
    if (operator === '=') return (value) => value === null;
    if (operator === '!=') return (value) => value !== null;
    throw new SoqlError(`invalid operator on null: ${operator}`);
  }
  if (literal.kind === 'dateRange' || (literal.kind === 'date' && field.type === 'date')) {
    const [start, end] = literal.kind === 'dateRange' ? dateRange(literal, nowMs) : ((ms) => [ms, ms + DAY_MS])(Date.parse(`${literal.value}T00:00:00Z`));
    return (value) => {
      if (value === null) return operator === '!=';
      const ms = field.type === 'date' ? Date.parse(`${String(value)}T00:00:00Z`) : Date.parse(String(value).replace('+0000', 'Z'));
      switch (operator) {
        case '=': return ms >= start && ms < end;
        case '!=': return ms < start || ms >= end;
        case '<': return ms < start;
        case '<=': return ms < end;
        case '>': return ms >= end;
        default: return ms >= start;
      }
    };
  }
  let expected: number | string | boolean;
  let toComparable: (value: FieldValue) => number | string | boolean;
  if (literal.kind === 'datetime') {
    expected = literal.ms;
    toComparable = (value) => Date.parse(String(value).replace('+0000', 'Z'));
  } else if (field.type === 'id' || field.type === 'reference') {
    expected = toId15(String(literal.kind === 'string' ? literal.value : ''));
    toComparable = (value) => toId15(String(value));
  } else if (literal.kind === 'string' || literal.kind === 'date') {
    expected = literal.value.toLowerCase();
    toComparable = (value) => String(value).toLowerCase();
  } else {
    expected = literal.value;
    toComparable = (value) => value as number | boolean;
  }
  if (operator === 'LIKE') {
    const pattern = new RegExp(`^${String(expected).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 's');
    return (value) => value !== null && pattern.test(String(value).toLowerCase());
  }
  return (value) => {
    if (value === null) return operator === '!=';
    const actual = toComparable(value);
    switch (operator) {
      case '=': return actual === expected;
      case '!=': return actual !== expected;
      case '<': return actual < expected;
      case '<=': return actual <= expected;
      case '>': return actual > expected;
      default: return actual >= expected;
    }
  };
}
