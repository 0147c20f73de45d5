import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { bearerOf } from '../mapKit/tokens';
import type { MarketoInstanceState } from './state';

export function requestId(): string {
  return `${randomBytes(2).toString('hex')}#${Date.now().toString(16)}`;
}

/** §3: errors come back with HTTP 200 and success:false. */
export function marketoFailure(code: string, message: string) {
  return { requestId: requestId(), success: false, errors: [{ code, message }] };
}

export function marketoSuccess(result: unknown[], extra: Record<string, unknown> = {}) {
  return { requestId: requestId(), success: true, ...extra, result };
}

const URI_MAX = 8 * 1024;
const BODY_MAX = 1024 * 1024;

/**
 * Token (601/602), daily quota (607), rate (606) and concurrency (615) checks for /rest calls, all as HTTP 200 bodies;
 * only calls answered with success:true count against the quota and the rate (§3).
 */
export function guardRestApi(server: EmulatorServer, state: MarketoInstanceState): void {
  const app = server.app;
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/rest/')) return;
    if (request.url.length > URI_MAX) return reply.code(414).type('text/html').send('<html><body>414 Request-URI Too Large</body></html>');
    if (Number(request.headers['content-length'] ?? 0) > BODY_MAX) return reply.code(413).type('text/html').send('<html><body>413 Request Entity Too Large</body></html>');
    const query = request.query as Record<string, string | undefined>;
    const verdict = state.tokens.check(bearerOf(request.headers.authorization) ?? query.access_token);
    if (verdict === 'unknown') return reply.code(200).send(marketoFailure('601', 'Access token invalid'));
    if (verdict === 'expired') return reply.code(200).send(marketoFailure('602', 'Access token expired'));
    const quota = state.quota.check();
    if (quota.kind === 'daily') return reply.code(200).send(marketoFailure('607', 'Daily quota reached'));
    if (quota.kind === 'burst') return reply.code(200).send(marketoFailure('606', `Max rate limit '${state.quota.options.burstLimit}' exceeded with in '20' secs`));
    if (state.inFlight >= state.concurrencyLimit) return reply.code(200).send(marketoFailure('615', 'Concurrent access limit reached'));
    state.inFlight += 1;
    (request as FastifyRequest & { countsInFlight?: boolean }).countsInFlight = true;
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.url.startsWith('/rest/') && typeof payload === 'string' && payload.includes('"success":true')) state.quota.count();
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    if ((request as FastifyRequest & { countsInFlight?: boolean }).countsInFlight) state.inFlight -= 1;
  });
}
