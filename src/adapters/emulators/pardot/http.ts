import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { bearerOf } from '../mapKit/tokens';
import type { PardotBusinessUnitState } from './state';

/** §3 v5 error body. */
export function pardotError(code: number, message: string) {
  return { code, message };
}

type Tracked = FastifyRequest & { countsInFlight?: boolean };

/**
 * Bearer token, Pardot-Business-Unit-Id, daily allocation (code 122) and 5 concurrent requests (code 66) for every
 * /api/v5 call. `limitStatus` is the HTTP status sent with codes 66 and 122 (unknown in the docs: 400 by default).
 */
export function guardV5(server: EmulatorServer, state: PardotBusinessUnitState, settings: { limitStatus: number }): void {
  server.app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/v5/')) return;
    const verdict = state.tokens.check(bearerOf(request.headers.authorization));
    if (verdict !== 'valid') return reply.code(401).send(pardotError(184, 'access_token is invalid, unknown, or malformed: Inactive token'));
    const unit = request.headers['pardot-business-unit-id'];
    if (!unit) return reply.code(400).send(pardotError(181, 'The Pardot-Business-Unit-Id header is required.'));
    if (unit !== state.businessUnitId) return reply.code(400).send(pardotError(182, 'Invalid Pardot-Business-Unit-Id header value.'));
    if (state.quota.check().kind === 'daily') return reply.code(settings.limitStatus).send(pardotError(122, 'Daily API rate limit met.'));
    if (state.inFlight >= state.concurrencyLimit) return reply.code(settings.limitStatus).send(pardotError(66, 'Too many concurrent API requests. Only 5 concurrent API requests are allowed at a time.'));
    state.inFlight += 1;
    (request as Tracked).countsInFlight = true;
    state.quota.count();
    if (request.headers['x-return-api-usage'] === '1') reply.header('x-api-usage', `${state.quota.used}/${state.quota.options.dailyLimit}`);
  });
  server.app.addHook('onResponse', async (request) => {
    if ((request as Tracked).countsInFlight) state.inFlight -= 1;
  });
}
