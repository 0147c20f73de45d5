import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { registerCollectionRoutes } from './collectionRoutes';
import { bearerToken, parseVersion, sendError, setContext, versionList, notFound, contextOf } from './http';
import { registerListViewRoutes } from './listViewRoutes';
import { registerOAuthRoutes } from './oauthRoutes';
import { registerQueryRoutes } from './queryRoutes';
import { registerReportRoutes } from './reportRoutes';
import { registerSObjectRoutes } from './sobjectRoutes';
import { registerToolingRoutes } from './toolingRoutes';
import type { SalesforceOrgState } from './state';

/**
 * Every Salesforce route on the emulator's Fastify app. Data routes (`/services/data/vXX.X/…`) sit in one scope
 * whose hook checks the version and the bearer token, enforces and counts the daily API allowance and sets
 * `Sforce-Limit-Info`; kit faults run before it (they are root hooks).
 */
export function registerSalesforceRoutes(server: EmulatorServer, state: SalesforceOrgState): void {
  const { app } = server;
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 400 || error.code?.startsWith('FST_ERR_CTP')) {
      if (request.url.startsWith('/services/oauth2')) return reply.code(400).send({ error: 'invalid_request', error_description: error.message });
      return sendError(reply, 400, 'JSON_PARSER_ERROR', `The request body is not valid JSON: ${error.message}`);
    }
    return sendError(reply, 500, 'UNKNOWN_EXCEPTION', `An unexpected error occurred: ${error.message}`);
  });
  registerOAuthRoutes(app, state);

  // GET /services/data/ lists the versions without authentication and is not counted against the allowance.
  app.get('/services/data', async () => versionList());
  app.get('/services/data/', async () => versionList());

  app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('preHandler', async (request: FastifyRequest<{ Params: { version?: string } }>, reply: FastifyReply) => {
        const version = parseVersion(request.params.version ?? '');
        if (!version) return notFound(reply);
        const token = bearerToken(request);
        const userId = token ? state.tokens.userForAccessToken(token) : undefined;
        if (!userId) return sendError(reply, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        const isAllowed = state.countApiCall();
        reply.header('sforce-limit-info', `api-usage=${state.apiUsed()}/${state.dailyApiLimit}`);
        if (!isAllowed) return sendError(reply, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        setContext(request, { version, userId });
      });
      registerToolingRoutes(scope, state);
      scope.get('/', async (request) => {
        const prefix = `/services/data/v${contextOf(request).version}`;
        const names = ['sobjects', 'query', 'queryAll', 'limits', 'analytics', 'composite'];
        return Object.fromEntries(names.map((name) => [name, `${prefix}/${name}`]));
      });
      scope.get('/limits', async () => {
        const remaining = Math.max(0, state.dailyApiLimit - state.apiUsed());
        return {
          ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
          ConcurrentSyncReportRuns: { Max: 20, Remaining: 20 },
          DailyApiRequests: { Max: state.dailyApiLimit, Remaining: remaining, 'Ant Migration Tool': { Max: 0, Remaining: 0 }, 'Dataloader Bulk': { Max: 0, Remaining: 0 } },
          DailyAsyncApexExecutions: { Max: 250_000, Remaining: 250_000 },
          DailyBulkApiRequests: { Max: 5_000, Remaining: 5_000 },
          HourlyAsyncReportRuns: { Max: 1_200, Remaining: 1_200 },
          HourlySyncReportRuns: { Max: 500, Remaining: Math.max(0, 500 - state.reportRunsThisHour()) },
        };
      });
      registerQueryRoutes(scope, state);
      registerSObjectRoutes(scope, state);
      registerListViewRoutes(scope, state);
      registerReportRoutes(scope, state);
      registerCollectionRoutes(scope, state);
    },
    { prefix: '/services/data/:version' },
  );
}
