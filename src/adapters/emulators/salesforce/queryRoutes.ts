import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf, sendError } from './http';
import { parseSoql, SoqlError } from './soql';
import { runQuery } from './soqlEval';
import type { QueryCursor, SalesforceOrgState } from './state';

/** Records per query batch: 2,000 by default; `Sforce-Query-Options: batchSize=N` asks for 200–2,000 (resources-query). */
export const DEFAULT_BATCH_SIZE = 2_000;

export function batchSizeOf(request: FastifyRequest): number {
  const header = request.headers['sforce-query-options'];
  const match = typeof header === 'string' ? /batchSize\s*=\s*(\d+)/i.exec(header) : null;
  if (!match) return DEFAULT_BATCH_SIZE;
  return Math.min(DEFAULT_BATCH_SIZE, Math.max(200, Number(match[1])));
}

/** One page of a cursor, with nextRecordsUrl while more remain (always under the caller's version). */
export function queryPage(state: SalesforceOrgState, cursorId: string | undefined, cursor: QueryCursor, offset: number, version: string, totalSize: number) {
  const page = cursor.records.slice(offset, offset + cursor.batchSize);
  const nextOffset = offset + page.length;
  const isDone = nextOffset >= cursor.records.length;
  const id = !isDone && cursorId === undefined ? state.openCursor(cursor) : cursorId;
  return {
    totalSize,
    done: isDone,
    ...(isDone ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${id}-${nextOffset}` }),
    records: page.map((record) => cursor.project(record)),
  };
}

export function registerQueryRoutes(scope: FastifyInstance, state: SalesforceOrgState): void {
  const start = (isQueryAll: boolean) => async (request: FastifyRequest<{ Querystring: { q?: string } }>, reply: FastifyReply) => {
    const { version, userId } = contextOf(request);
    const soql = request.query.q;
    if (!soql) return sendError(reply, 400, 'MALFORMED_QUERY', 'A query string has to be specified');
    try {
      const result = runQuery(state, parseSoql(soql), { userId, isQueryAll, version });
      if (result.isCount) return { totalSize: result.records.length, done: true, records: [] };
      return queryPage(state, undefined, { records: result.records, project: result.project, batchSize: batchSizeOf(request) }, 0, version, result.records.length);
    } catch (error) {
      if (error instanceof SoqlError) return sendError(reply, 400, error.errorCode, `\n${soql}\n^\nERROR at Row:1:Column:1\n${error.message}`);
      throw error;
    }
  };
  const more = async (request: FastifyRequest<{ Params: { locator: string } }>, reply: FastifyReply) => {
    const { version } = contextOf(request);
    const match = /^(.+)-(\d+)$/.exec(request.params.locator);
    const cursor = match ? state.cursor(match[1] ?? '') : undefined;
    if (!match || !cursor) return sendError(reply, 400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return queryPage(state, match[1], cursor, Number(match[2]), version, cursor.records.length);
  };
  scope.get('/query', start(false));
  scope.get('/query/', start(false));
  scope.get('/queryAll', start(true));
  scope.get('/queryAll/', start(true));
  scope.get('/query/:locator', more);
  scope.get('/queryAll/:locator', more);
}
