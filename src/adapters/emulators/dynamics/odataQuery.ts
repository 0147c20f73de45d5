import type { AttributeValue, EntityRow } from './entities';
import { MAX_PAGE_SIZE, type SortKey } from './queryEngine';
import { ODataError } from './state';

/**
 * The OData query options the emulator understands: $select, $filter (comparisons, and/or/not, parentheses,
 * contains/startswith/endswith), $orderby, $top. $skip is refused as Dataverse refuses it (reference §4).
 */
/** What $select/$filter/$orderby are checked against: a table or the view tables (savedquery, userquery). */
export interface QueryableDefinition {
  readonly logicalName: string;
  readonly attributes: readonly string[];
}

export interface ODataOptions {
  readonly columns: readonly string[] | undefined;
  readonly predicate: (row: EntityRow) => boolean;
  readonly order: readonly SortKey[];
  readonly top: number | undefined;
}

function unknownProperty(definition: QueryableDefinition, name: string): ODataError {
  return new ODataError(400, '0x80060888', `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${definition.logicalName}'.`);
}

function syntaxError(message: string): ODataError {
  return new ODataError(400, '0x80060888', `Syntax error: ${message}`);
}

function checkColumn(definition: QueryableDefinition, name: string): string {
  if (!definition.attributes.includes(name)) throw unknownProperty(definition, name);
  return name;
}

export function parseODataOptions(definition: QueryableDefinition, query: Readonly<Record<string, string>>): ODataOptions {
  if (query.$skip !== undefined) {
    throw new ODataError(400, '0x80060888', 'The query parameter $skip is not supported. Use @odata.nextLink to page.');
  }
  const columns = query.$select === undefined ? undefined : query.$select.split(',').map((name) => checkColumn(definition, name.trim()));
  const predicate = query.$filter === undefined || query.$filter.trim() === '' ? () => true : parseFilter(definition, query.$filter);
  const order = query.$orderby === undefined ? [] : parseOrderBy(definition, query.$orderby);
  let top: number | undefined;
  if (query.$top !== undefined) {
    top = Number(query.$top);
    if (!Number.isInteger(top) || top < 0) throw syntaxError(`invalid $top '${query.$top}'`);
  }
  return { columns, predicate, order, top };
}

export function parseOrderBy(definition: QueryableDefinition, text: string): SortKey[] {
  return text.split(',').map((part) => {
    const [name = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
    if (rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) throw syntaxError(`invalid $orderby '${text}'`);
    return { column: checkColumn(definition, name), isDescending: direction === 'desc' };
  });
}

/** `Prefer: odata.maxpagesize=N` (default and maximum 5,000; larger values are ignored). */
export function preferredPageSize(prefer: string | undefined): number | undefined {
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? '');
  if (!match) return undefined;
  const size = Number(match[1]);
  return size >= 1 && size <= MAX_PAGE_SIZE ? size : undefined;
}

export function preferredAnnotations(prefer: string | undefined): (name: string) => boolean {
  const match = /odata\.include-annotations\s*=\s*"([^"]*)"/i.exec(prefer ?? '');
  const patterns = (match?.[1] ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  return (name) => patterns.some((pattern) => pattern === '*' || pattern === name || (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))));
}

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:'((?:[^']|'')*)'|(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w]*)|([(),]))/iy;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) throw syntaxError(`unexpected character at position ${position} in $filter`);
    position = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1].replace(/''/g, "'") });
    else if (match[2] !== undefined) tokens.push({ kind: 'string', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'string', text: match[3].toLowerCase() });
    else if (match[4] !== undefined) tokens.push({ kind: 'number', text: match[4] });
    else if (match[5] !== undefined) tokens.push({ kind: 'word', text: match[5] });
    else tokens.push({ kind: 'punct', text: match[6] ?? '' });
  }
  return tokens;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['contains', 'startswith', 'endswith']);

export function compare(left: AttributeValue | undefined, operator: string, right: AttributeValue): boolean {
  const l = left ?? null;
  if (operator === 'eq') return l === null || right === null ? l === right : String(l).toLowerCase() === String(right).toLowerCase();
  if (operator === 'ne') return l === null || right === null ? l !== right : String(l).toLowerCase() !== String(right).toLowerCase();
  if (l === null || right === null) return false;
  const isTimestamp = typeof l === 'string' && typeof right === 'string' && ISO_INSTANT.test(l) && ISO_INSTANT.test(right);
  const order = isTimestamp ? Date.parse(l) - Date.parse(right) : typeof l === 'number' && typeof right === 'number' ? l - right : String(l).localeCompare(String(right));
  if (operator === 'gt') return order > 0;
  if (operator === 'ge') return order >= 0;
  if (operator === 'lt') return order < 0;
  return order <= 0;
}

function parseFilter(definition: QueryableDefinition, text: string): (row: EntityRow) => boolean {
  const tokens = tokenize(text);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const expect = (value: string): void => {
    if (peek()?.text !== value) throw syntaxError(`expected '${value}' in $filter`);
    index += 1;
  };
  const literal = (): AttributeValue => {
    const token = tokens[index++];
    if (!token) throw syntaxError('expected a value in $filter');
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'word' && token.text === 'null') return null;
    if (token.kind === 'word' && (token.text === 'true' || token.text === 'false')) return token.text === 'true';
    throw syntaxError(`unexpected '${token.text}' in $filter`);
  };
  const primary = (): ((row: EntityRow) => boolean) => {
    const token = tokens[index++];
    if (!token) throw syntaxError('unexpected end of $filter');
    if (token.text === '(') {
      const inner = orExpression();
      expect(')');
      return inner;
    }
    if (token.kind !== 'word') throw syntaxError(`unexpected '${token.text}' in $filter`);
    if (token.text === 'not') {
      const inner = primary();
      return (row) => !inner(row);
    }
    if (FUNCTIONS.has(token.text)) {
      expect('(');
      const column = checkColumn(definition, tokens[index++]?.text ?? '');
      expect(',');
      const value = String(literal()).toLowerCase();
      expect(')');
      const test = token.text === 'contains' ? (s: string) => s.includes(value) : token.text === 'startswith' ? (s: string) => s.startsWith(value) : (s: string) => s.endsWith(value);
      return (row) => row[column] !== null && row[column] !== undefined && test(String(row[column]).toLowerCase());
    }
    const column = checkColumn(definition, token.text);
    const operator = tokens[index++]?.text ?? '';
    if (!COMPARISONS.has(operator)) throw syntaxError(`unknown operator '${operator}' in $filter`);
    const value = literal();
    return (row) => compare(row[column], operator, value);
  };
  const andExpression = (): ((row: EntityRow) => boolean) => {
    const parts = [primary()];
    while (peek()?.text === 'and') {
      index += 1;
      parts.push(primary());
    }
    return (row) => parts.every((part) => part(row));
  };
  const orExpression = (): ((row: EntityRow) => boolean) => {
    const parts = [andExpression()];
    while (peek()?.text === 'or') {
      index += 1;
      parts.push(andExpression());
    }
    return (row) => parts.some((part) => part(row));
  };
  const result = orExpression();
  if (index !== tokens.length) throw syntaxError(`unexpected '${tokens[index]?.text ?? ''}' in $filter`);
  return result;
}
