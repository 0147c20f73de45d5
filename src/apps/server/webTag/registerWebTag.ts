import type { FastifyInstance, FastifyReply } from 'fastify';
import { VisitCollector } from '../../../adapters/webTag/visitCollector';
import { isBotUserAgent, parseVisitBeacon } from '../../../domain/webTag/parseVisit';
import type { AppDeps } from '../../deps';
import { tagScript } from './tagScript';

export const COLLECT_PATH = '/t/collect';
const BEACON_BODY_LIMIT_BYTES = 8 * 1024;

/**
 * The web tag's two public endpoints, outside the JSON API on purpose: they serve other sites (CORS, cross-origin
 * resource policy) and the collection endpoint is built for load (no session lookup, hand validation, a bounded
 * queue with batched inserts; 503 + Retry-After when full). Answers: 204 stored or declined (bot, Do Not Track,
 * Global Privacy Control), 400 malformed, 404 unknown tag key, 503 queue full.
 */
export function registerWebTag(app: FastifyInstance, deps: AppDeps, options: { maxQueued?: number; flushIntervalMs?: number } = {}): VisitCollector {
  const collector = new VisitCollector({ db: deps.db, clock: deps.clock, logger: deps.logger, ...options });
  app.addHook('onClose', async () => collector.close());
  const script = tagScript(`${deps.config.publicUrl}${COLLECT_PATH}`);

  const crossOrigin = (reply: FastifyReply) =>
    reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin').header('cache-control', 'no-store');

  app.get('/t/tag.js', async (_request, reply) => {
    crossOrigin(reply).header('cache-control', 'public, max-age=300').type('application/javascript; charset=utf-8');
    return script;
  });

  app.options(COLLECT_PATH, async (_request, reply) => {
    crossOrigin(reply).header('access-control-allow-methods', 'POST').header('access-control-allow-headers', 'content-type').code(204);
    return '';
  });

  app.post(COLLECT_PATH, { bodyLimit: BEACON_BODY_LIMIT_BYTES }, async (request, reply) => {
    crossOrigin(reply);
    const headers = request.headers;
    if (headers.dnt === '1' || headers['sec-gpc'] === '1' || isBotUserAgent(headers['user-agent'])) return reply.code(204).send();
    const parsed = parseVisitBeacon(request.body, deps.clock.now());
    if (!parsed.ok) return reply.code(400).send({ code: 'validation_failed', message: parsed.error });
    const outcome = await collector.accept(parsed.beacon, request.ip);
    if (outcome === 'queue_full') return reply.code(503).header('retry-after', '5').send({ code: 'unavailable', message: 'The collector is busy; try again shortly.' });
    if (outcome === 'unknown_key') return reply.code(404).send({ code: 'not_found', message: 'No organisation has this web tag key.' });
    return reply.code(204).send();
  });
  return collector;
}
