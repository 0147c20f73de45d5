import { ENTITY_DEFINITIONS, type AttributeValue, type EntityDefinition, type EntityRow, type EntitySetName } from './entities';
import { ODataError, type DynamicsState } from './state';
import { encodeXmlAttribute, parseXml, XmlSyntaxError } from './xml';

/** Dataverse caps a page at 5,000 rows for both OData and FetchXML (reference §4). */
export const MAX_PAGE_SIZE = 5000;
/** Paging by page number alone stops at 50,000 rows (reference §4). */
export const MAX_ROWS_WITHOUT_COOKIE = 50_000;
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['industrycode', 'numberofemployees', 'revenue', 'statecode', 'statuscode', 'versionnumber']);

export interface SortKey {
  readonly column: string;
  readonly isDescending: boolean;
}

/** A compiled query, from OData options or FetchXML: what to match, in which order, which page. */
export interface QueryPlan {
  readonly setName: EntitySetName;
  readonly predicate: (row: EntityRow) => boolean;
  readonly order: readonly SortKey[];
  readonly pageSize: number;
  readonly pageNumber: number;
  /** Values of the order columns and the primary id of the last row already returned. */
  readonly after: EntityRow | undefined;
  /** Without a cookie, page numbers index into the result (bounded by MAX_ROWS_WITHOUT_COOKIE). */
  readonly top: number | undefined;
}

export interface QueryPage {
  readonly rows: EntityRow[];
  readonly hasMoreRecords: boolean;
  /** The inner cookie `<cookie page="N">…</cookie>` describing the last row of this page. */
  readonly innerCookie: string | undefined;
}

function compareValues(left: AttributeValue | undefined, right: AttributeValue | undefined): number {
  const l = left ?? null;
  const r = right ?? null;
  if (l === r) return 0;
  if (l === null) return -1;
  if (r === null) return 1;
  if (typeof l === 'number' && typeof r === 'number') return l - r;
  const ls = String(l);
  const rs = String(r);
  const lower = ls.toLowerCase();
  const upper = rs.toLowerCase();
  if (lower !== upper) return lower < upper ? -1 : 1;
  return ls < rs ? -1 : ls > rs ? 1 : 0;
}

export function rowComparator(definition: EntityDefinition, order: readonly SortKey[]): (a: EntityRow, b: EntityRow) => number {
  const keys = [...order, { column: definition.primaryIdAttribute, isDescending: false }];
  return (a, b) => {
    for (const key of keys) {
      const result = compareValues(a[key.column], b[key.column]);
      if (result !== 0) return key.isDescending ? -result : result;
    }
    return 0;
  };
}

export function runQuery(state: DynamicsState, plan: QueryPlan): QueryPage {
  const definition = ENTITY_DEFINITIONS[plan.setName];
  const compare = rowComparator(definition, plan.order);
  const matching = state.tables[plan.setName].rows.filter(plan.predicate).sort(compare);
  const limited = plan.top === undefined ? matching : matching.slice(0, plan.top);
  let start: number;
  if (plan.after) {
    const after = plan.after;
    const index = limited.findIndex((row) => compare(row, after) > 0);
    start = index < 0 ? limited.length : index;
  } else {
    start = (plan.pageNumber - 1) * plan.pageSize;
    if (plan.pageNumber > 1 && start + plan.pageSize > MAX_ROWS_WITHOUT_COOKIE) {
      throw new ODataError(400, '0x8004e023', `Paging without a paging cookie is limited to ${MAX_ROWS_WITHOUT_COOKIE} records. Use the paging cookie returned with the previous page.`);
    }
  }
  const rows = limited.slice(start, start + plan.pageSize);
  const hasMoreRecords = start + plan.pageSize < limited.length;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const innerCookie = first && last ? buildInnerCookie(definition, plan.order, plan.pageNumber, first, last) : undefined;
  return { rows, hasMoreRecords, innerCookie };
}

function buildInnerCookie(definition: EntityDefinition, order: readonly SortKey[], pageNumber: number, first: EntityRow, last: EntityRow): string {
  const columns = [...order.map((key) => key.column).filter((column) => column !== definition.primaryIdAttribute), definition.primaryIdAttribute];
  const parts = columns.map((column) => {
    const lastValue = last[column];
    const firstValue = first[column];
    const isPrimary = column === definition.primaryIdAttribute;
    const format = (value: AttributeValue | undefined): string =>
      value === null || value === undefined ? '' : isPrimary ? `{${String(value).toUpperCase()}}` : String(value);
    const nullMarker = lastValue === null || lastValue === undefined ? ' lastnull="1"' : '';
    return `<${column} last="${encodeXmlAttribute(format(lastValue))}" first="${encodeXmlAttribute(format(firstValue))}"${nullMarker} />`;
  });
  return `<cookie page="${pageNumber}">${parts.join('')}</cookie>`;
}

/** Reads an inner cookie back into the row it describes; a cookie that does not parse is the caller's bug → 400. */
export function parseInnerCookie(setName: EntitySetName, order: readonly SortKey[], cookie: string): { page: number; after: EntityRow } {
  const definition = ENTITY_DEFINITIONS[setName];
  const invalid = (): ODataError => new ODataError(400, '0x80040203', `Invalid paging cookie: ${cookie.slice(0, 80)}`);
  let root;
  try {
    root = parseXml(cookie);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw invalid();
    throw error;
  }
  const page = Number(root.attributes.page);
  if (root.name !== 'cookie' || !Number.isInteger(page) || page < 1) throw invalid();
  const after: EntityRow = {};
  for (const child of root.children) {
    const last = child.attributes.last;
    if (last === undefined) throw invalid();
    const column = child.name;
    if (child.attributes.lastnull === '1') after[column] = null;
    else if (column === definition.primaryIdAttribute) after[column] = last.replace(/[{}]/g, '').toLowerCase();
    else after[column] = NUMERIC_COLUMNS.has(column) ? Number(last) : last;
  }
  if (typeof after[definition.primaryIdAttribute] !== 'string') throw invalid();
  for (const key of order) if (!(key.column in after)) throw invalid();
  return { page, after };
}


/** Outer cookie as the Web API returns it: the inner cookie URL-encoded twice (reference §4). */
export function buildOuterCookie(nextPageNumber: number, innerCookie: string): string {
  return `<cookie pagenumber="${nextPageNumber}" pagingcookie="${encodeURIComponent(encodeURIComponent(innerCookie))}" istracking="False" />`;
}

export function parseOuterCookie(outer: string): { pageNumber: number; innerCookie: string } {
  try {
    const root = parseXml(outer);
    const pageNumber = Number(root.attributes.pagenumber);
    const encoded = root.attributes.pagingcookie;
    if (root.name !== 'cookie' || !Number.isInteger(pageNumber) || encoded === undefined) throw new XmlSyntaxError('bad cookie');
    return { pageNumber, innerCookie: decodeURIComponent(decodeURIComponent(encoded)) };
  } catch {
    throw new ODataError(400, '0x80040203', 'Invalid $skiptoken.');
  }
}

/** Strips the secured columns the caller may not read (Dataverse returns them as null). */
export function readableColumns(state: DynamicsState, definition: EntityDefinition, columns: readonly string[]): string[] {
  const secured = state.securedColumns.get(definition.logicalName);
  return columns.filter((column) => !secured?.has(column));
}
