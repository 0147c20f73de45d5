import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { bearerOf } from '../mapKit/tokens';
import type { HubSpotPortalState } from './state';

/** HubSpot's error envelope. */
export function hubSpotError(message: string, category: string, extra: Record<string, unknown> = {}) {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

/** §3 headers on every data response. */
export function rateLimitHeaders(state: HubSpotPortalState): Record<string, string> {
  const daily = state.quota.options.dailyLimit;
  return {
    'x-hubspot-ratelimit-daily': String(daily),
    'x-hubspot-ratelimit-daily-remaining': String(Math.max(0, daily - state.quota.used)),
    'x-hubspot-ratelimit-max': String(state.quota.options.burstLimit),
    'x-hubspot-ratelimit-remaining': String(state.quota.burstRemaining),
    'x-hubspot-ratelimit-interval-milliseconds': String(state.quota.options.burstWindowMs),
  };
}

/** Bearer check, daily quota and ten-second burst for every /crm call, in HubSpot's own words. */
export function guardDataApi(server: EmulatorServer, state: HubSpotPortalState): void {
  server.app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/crm/')) return;
    const token = bearerOf(request.headers.authorization);
    const verdict = state.tokens.check(token);
    if (verdict === 'unknown') {
      return reply.code(401).send(
        hubSpotError(
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
          'INVALID_AUTHENTICATION',
        ),
      );
    }
    if (verdict === 'expired') return reply.code(401).send(hubSpotError('The OAuth token used to make this call expired 0 hour(s) ago.', 'EXPIRED_AUTHENTICATION'));
    const quota = state.quota.check();
    if (quota.kind === 'daily') {
      return reply.code(429).headers(rateLimitHeaders(state)).send({
        status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', correlationId: randomUUID(), policyName: 'DAILY',
      });
    }
    if (quota.kind === 'burst') {
      return reply.code(429).headers(rateLimitHeaders(state)).send({
        status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: randomUUID(), policyName: 'TEN_SECONDLY_ROLLING',
      });
    }
    state.quota.count();
    reply.headers(rateLimitHeaders(state));
  });
}
