import { columnForFetchAttribute, ENTITY_DEFINITIONS, type AttributeValue, type EntityDefinition, type EntityRow, type EntitySetName } from './entities';
import { compare } from './odataQuery';
import { MAX_PAGE_SIZE, NUMERIC_COLUMNS, type SortKey } from './queryEngine';
import { ODataError, type DynamicsState } from './state';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml';

/** A FetchXML query compiled against one table (reference §4: count, page, paging-cookie on <fetch>). */
export interface CompiledFetch {
  readonly setName: EntitySetName;
  /** Web API columns to return; undefined for <all-attributes/>. */
  readonly columns: readonly string[] | undefined;
  readonly predicate: (row: EntityRow) => boolean;
  readonly order: readonly SortKey[];
  readonly pageSize: number;
  readonly pageNumber: number;
  readonly pagingCookie: string | undefined;
  readonly top: number | undefined;
  /** Columns used in filters and orders (field security applies to these). */
  readonly filterColumns: readonly string[];
}

function invalid(message: string): ODataError {
  return new ODataError(400, '0x80040203', `Invalid FetchXml: ${message}`);
}

export function compileFetchXml(state: DynamicsState, fetchXml: string, setName: EntitySetName): CompiledFetch {
  let root: XmlElement;
  try {
    root = parseXml(fetchXml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw invalid(error.message);
    throw error;
  }
  if (root.name !== 'fetch') throw invalid('the root element must be <fetch>');
  if (root.attributes.aggregate === 'true') throw invalid('aggregate queries are not supported by this emulator');
  const entity = root.children.find((child) => child.name === 'entity');
  if (!entity) throw invalid('missing <entity>');
  const definition = ENTITY_DEFINITIONS[setName];
  if (entity.attributes.name !== definition.logicalName) {
    throw new ODataError(400, '0x80040203', `The entity name '${entity.attributes.name ?? ''}' in the FetchXml does not match the entity set '${setName}'.`);
  }
  const column = (attribute: string | undefined): string => {
    const resolved = attribute === undefined ? undefined : columnForFetchAttribute(definition, attribute);
    if (!resolved) throw new ODataError(400, '0x80041103', `'${definition.logicalName}' entity doesn't contain attribute with Name = '${attribute ?? ''}'.`);
    return resolved;
  };
  let columns: string[] | undefined = [];
  const order: SortKey[] = [];
  const filterColumns: string[] = [];
  const predicates: Array<(row: EntityRow) => boolean> = [];
  for (const child of entity.children) {
    if (child.name === 'attribute') columns?.push(column(child.attributes.name));
    else if (child.name === 'all-attributes') columns = undefined;
    else if (child.name === 'order') {
      const orderColumn = column(child.attributes.attribute);
      order.push({ column: orderColumn, isDescending: child.attributes.descending === 'true' });
      filterColumns.push(orderColumn);
    } else if (child.name === 'filter') predicates.push(compileFilter(state, definition, child, column, filterColumns));
    else if (child.name === 'link-entity') throw invalid('link-entity is not supported by this emulator');
    else throw invalid(`unexpected <${child.name}> in <entity>`);
  }
  if (columns && !columns.includes(definition.primaryIdAttribute)) columns.push(definition.primaryIdAttribute);
  const count = root.attributes.count === undefined ? MAX_PAGE_SIZE : Number(root.attributes.count);
  const page = root.attributes.page === undefined ? 1 : Number(root.attributes.page);
  const top = root.attributes.top === undefined ? undefined : Number(root.attributes.top);
  if (!Number.isInteger(count) || count < 1) throw invalid(`count='${root.attributes.count ?? ''}'`);
  if (!Number.isInteger(page) || page < 1) throw invalid(`page='${root.attributes.page ?? ''}'`);
  if (top !== undefined && (!Number.isInteger(top) || top < 1)) throw invalid(`top='${root.attributes.top ?? ''}'`);
  if (top !== undefined && root.attributes.count !== undefined) throw invalid('top cannot be combined with count');
  return {
    setName,
    columns,
    predicate: (row) => predicates.every((predicate) => predicate(row)),
    order,
    pageSize: Math.min(count, MAX_PAGE_SIZE),
    pageNumber: page,
    pagingCookie: root.attributes['paging-cookie'],
    top,
    filterColumns,
  };
}

function typed(columnName: string, value: string): AttributeValue {
  if (NUMERIC_COLUMNS.has(columnName)) return Number(value);
  if (/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(value)) return value.replace(/[{}]/g, '').toLowerCase();
  return value;
}

function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, 'is');
}

function compileFilter(
  state: DynamicsState,
  definition: EntityDefinition,
  filter: XmlElement,
  column: (attribute: string | undefined) => string,
  filterColumns: string[],
): (row: EntityRow) => boolean {
  const parts = filter.children.map((child): ((row: EntityRow) => boolean) => {
    if (child.name === 'filter') return compileFilter(state, definition, child, column, filterColumns);
    if (child.name !== 'condition') throw invalid(`unexpected <${child.name}> in <filter>`);
    const name = column(child.attributes.attribute);
    filterColumns.push(name);
    const operator = child.attributes.operator ?? '';
    const value = child.attributes.value;
    const values = child.children.filter((item) => item.name === 'value').map((item) => typed(name, item.text));
    const single = (): AttributeValue => {
      if (value === undefined) throw invalid(`condition on '${name}' with operator '${operator}' needs a value`);
      return typed(name, value);
    };
    const userId = state.integrationUser.systemuserid;
    switch (operator) {
      case 'eq': case 'ne': case 'gt': case 'ge': case 'lt': case 'le': {
        const expected = single();
        return (row) => compare(row[name], operator, expected);
      }
      case 'neq': {
        const expected = single();
        return (row) => compare(row[name], 'ne', expected);
      }
      case 'like': case 'not-like': case 'begins-with': case 'ends-with': {
        const raw = String(single());
        const pattern = likeToRegExp(operator === 'begins-with' ? `${raw}%` : operator === 'ends-with' ? `%${raw}` : raw);
        const isNegated = operator === 'not-like';
        return (row) => {
          const cell = row[name];
          return cell === null || cell === undefined ? isNegated : pattern.test(String(cell)) !== isNegated;
        };
      }
      case 'in': case 'not-in': {
        const isNegated = operator === 'not-in';
        return (row) => values.some((candidate) => compare(row[name], 'eq', candidate)) !== isNegated;
      }
      case 'null':
        return (row) => row[name] === null || row[name] === undefined;
      case 'not-null':
        return (row) => row[name] !== null && row[name] !== undefined;
      case 'eq-userid':
        return (row) => row[name] === userId;
      case 'ne-userid':
        return (row) => row[name] !== userId;
      case 'last-x-days': {
        const days = Number(single());
        return (row) => typeof row[name] === 'string' && Date.parse(String(row[name])) >= state.nowMs() - days * 86_400_000;
      }
      default:
        throw invalid(`operator '${operator}' is not supported by this emulator`);
    }
  });
  const isOr = filter.attributes.type === 'or';
  return (row) => (isOr ? parts.some((part) => part(row)) : parts.every((part) => part(row)));
}
