import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatJavaDate, toId15 } from './ids';
import { contextOf, notFound, sendError } from './http';
import { findField, findSObject } from './schema';
import { parseSoql, SoqlError, type SoqlCondition, type SoqlLiteral } from './soql';
import { runQuery } from './soqlEval';
import type { ListViewDefinition } from './sources';
import type { SalesforceOrgState } from './state';

/** Always appended to a list view's columns, hidden (resources-listviewresults). */
const HIDDEN_COLUMNS = ['Id', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'Owner.Id', 'OwnerId'];
const LIST_VIEW_RESULTS_MAX = 2_000;

function columnInfo(path: string, isHidden: boolean, listView: ListViewDefinition) {
  const [first, second] = path.split('.');
  const sobject = findSObject(second ? 'User' : 'Account');
  const field = sobject ? findField(sobject, second ?? first ?? '') : undefined;
  const label = second ? `${first === 'Owner' ? 'Account Owner' : first} ${field?.label ?? second}` : path === 'Id' ? 'Account ID' : (field?.label ?? path);
  const isSorted = !isHidden && listView.orderBy.field === path;
  const type = second === 'Id' ? 'id' : (field?.type ?? 'string');
  return {
    ascendingLabel: isHidden ? null : type === 'string' ? 'Z-A' : 'Low to High',
    descendingLabel: isHidden ? null : type === 'string' ? 'A-Z' : 'High to Low',
    fieldNameOrPath: path,
    hidden: isHidden,
    label,
    searchable: !isHidden && type === 'string',
    selectListItem: type === 'picklist' ? `toLabel(${path})` : path,
    sortDirection: isSorted ? (listView.orderBy.isDescending ? 'descending' : 'ascending') : null,
    sortIndex: isSorted ? 0 : null,
    sortable: !isHidden,
    type,
  };
}

function columnsOf(listView: ListViewDefinition) {
  return [...listView.columns.map((path) => columnInfo(path, false, listView)), ...HIDDEN_COLUMNS.map((path) => columnInfo(path, true, listView))];
}

/** The fully composed SOQL a list view runs, as its describe returns it. */
export function listViewQuery(listView: ListViewDefinition): string {
  const select = columnsOf(listView).map((column) => column.selectListItem).join(', ');
  const scope = listView.scope === 'mine' ? ' USING SCOPE mine' : '';
  const where = listView.whereSoql ? ` WHERE ${listView.whereSoql}` : '';
  const direction = listView.orderBy.isDescending ? 'DESC NULLS LAST' : 'ASC NULLS FIRST';
  return `SELECT ${select} FROM Account${scope}${where} ORDER BY ${listView.orderBy.field} ${direction}, Id ${direction}`;
}

const OPERATORS: Record<string, string> = { '=': 'equals', '!=': 'notEqual', '<': 'lessThan', '>': 'greaterThan', '<=': 'lessOrEqual', '>=': 'greaterOrEqual', LIKE: 'like' };

function literalText(literal: SoqlLiteral): string {
  switch (literal.kind) {
    case 'string': return `'${literal.value}'`;
    case 'null': return 'null';
    case 'datetime': return new Date(literal.ms).toISOString();
    case 'dateRange': return literal.n ? `${literal.name}:${literal.n}` : literal.name;
    default: return String(literal.value);
  }
}

/** The SoqlWhereCondition tree of the describe resource. */
function whereCondition(condition: SoqlCondition | undefined): unknown {
  if (!condition) return { conditions: [], conjunction: 'and' };
  switch (condition.kind) {
    case 'and':
    case 'or':
      return { conditions: condition.items.map(whereCondition), conjunction: condition.kind };
    case 'not':
      return { condition: whereCondition(condition.item), type: 'not' };
    case 'in':
      return { field: condition.path.join('.'), operator: condition.isNegated ? 'notIn' : 'in', values: condition.values.map(literalText) };
    case 'compare':
      return { field: condition.path.join('.'), operator: OPERATORS[condition.operator] ?? 'equals', values: [literalText(condition.value)] };
  }
}

export function registerListViewRoutes(scope: FastifyInstance, state: SalesforceOrgState): void {
  const visibleTo = (userId: string) => state.listViews.filter((view) => view.isPublic || view.createdById === userId);
  const item = (view: ListViewDefinition, version: string) => {
    const base = `/services/data/v${version}/sobjects/${view.sobjectType}/listviews/${view.id}`;
    return { describeUrl: `${base}/describe`, developerName: view.developerName, id: view.id, label: view.label, resultsUrl: `${base}/results`, soqlCompatible: true, url: base };
  };
  const find = (type: string, id: string, userId: string, reply: FastifyReply): ListViewDefinition | undefined => {
    const view = type.toLowerCase() === 'account' ? visibleTo(userId).find((candidate) => toId15(candidate.id) === toId15(id)) : undefined;
    if (!view) notFound(reply);
    return view;
  };

  const list = async (request: FastifyRequest<{ Params: { type: string } }>, reply: FastifyReply) => {
    const { version, userId } = contextOf(request);
    const sobject = findSObject(request.params.type);
    if (!sobject) return notFound(reply);
    const views = sobject.name === 'Account' ? visibleTo(userId) : [];
    return { done: true, listviews: views.map((view) => item(view, version)), nextRecordsUrl: null, size: views.length, sobjectType: sobject.name };
  };
  scope.get('/sobjects/:type/listviews', list);
  scope.get('/sobjects/:type/listviews/recent', list);

  scope.get<{ Params: { type: string; id: string } }>('/sobjects/:type/listviews/:id', async (request, reply) => {
    const { version, userId } = contextOf(request);
    const view = find(request.params.type, request.params.id, userId, reply);
    return view ? item(view, version) : reply;
  });

  scope.get<{ Params: { type: string; id: string } }>('/sobjects/:type/listviews/:id/describe', async (request, reply) => {
    const view = find(request.params.type, request.params.id, contextOf(request).userId, reply);
    if (!view) return reply;
    return {
      columns: columnsOf(view),
      id: view.id,
      orderBy: [
        { fieldNameOrPath: view.orderBy.field, nullsPosition: view.orderBy.isDescending ? 'last' : 'first', sortDirection: view.orderBy.isDescending ? 'descending' : 'ascending' },
        { fieldNameOrPath: 'Id', nullsPosition: 'first', sortDirection: 'ascending' },
      ],
      query: listViewQuery(view),
      relatedEntityId: null,
      scope: view.scope,
      scopeEntityId: null,
      sobjectType: view.sobjectType,
      whereCondition: whereCondition(view.whereSoql ? parseSoql(`SELECT Id FROM Account WHERE ${view.whereSoql}`).where : undefined),
    };
  });

  scope.get<{ Params: { type: string; id: string }; Querystring: { limit?: string; offset?: string } }>('/sobjects/:type/listviews/:id/results', async (request, reply) => {
    const { version, userId } = contextOf(request);
    const view = find(request.params.type, request.params.id, userId, reply);
    if (!view) return reply;
    const limit = request.query.limit === undefined ? 25 : Number(request.query.limit);
    const offset = request.query.offset === undefined ? 0 : Number(request.query.offset);
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_VIEW_RESULTS_MAX) return sendError(reply, 400, 'INVALID_PARAMETER_VALUE', `limit must be between 1 and ${LIST_VIEW_RESULTS_MAX}`);
    if (!Number.isInteger(offset) || offset < 0) return sendError(reply, 400, 'INVALID_PARAMETER_VALUE', 'offset must be zero or more');
    let result;
    try {
      result = runQuery(state, parseSoql(listViewQuery(view)), { userId, isQueryAll: false, version });
    } catch (error) {
      if (error instanceof SoqlError) return sendError(reply, 400, error.errorCode, error.message);
      throw error;
    }
    const columns = columnsOf(view);
    const page = result.records.slice(offset, offset + limit);
    const records = page.map((record) => {
      const projected = result.project(record);
      return {
        columns: columns.map((column) => {
          const [first, second] = column.fieldNameOrPath.split('.');
          const nested = second ? (projected[first ?? ''] as Record<string, unknown> | null) : projected;
          const value = nested ? nested[second ?? first ?? ''] : null;
          const isDate = column.type === 'datetime' && typeof value === 'string';
          return { fieldNameOrPath: column.fieldNameOrPath, value: isDate ? formatJavaDate(new Date(value.replace('+0000', 'Z'))) : (value ?? null) };
        }),
      };
    });
    return { columns, developerName: view.developerName, done: offset + page.length >= result.records.length, id: toId15(view.id), label: view.label, records, size: records.length };
  });
}
