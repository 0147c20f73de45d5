import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { VisitCollector } from '../../../adapters/webTag/visitCollector';
import type { AppDeps } from '../../deps';
import { answerBeaconHead, createBeaconJudge, visitorAddress } from './beaconAnswers';
import { installBeaconFastPath, type AnswerBeacon } from './beaconFastPath';
import { createCollectHandler } from './collectHandler';
import { tagScript } from './tagScript';

export const WEB_TAG_PREFIX = '/t/';
export const COLLECT_PATH = '/t/collect';

export interface WebTag {
  readonly collector: VisitCollector;
  /** POST /t/collect on the raw Node request (see collectHandler.ts). */
  readonly handleCollect: (request: IncomingMessage, response: ServerResponse) => void;
  /** The same answers for the connection-level fast path (beaconFastPath.ts): a parsed head and its body. */
  readonly answerBeacon: AnswerBeacon;
}

/**
 * The web tag's two public endpoints, outside the JSON API on purpose: they serve other sites (CORS, cross-origin
 * resource policy) and the collection endpoint is built for load (no session lookup, hand validation, a bounded
 * queue with batched inserts; 503 + Retry-After when full). Answers: 204 stored or declined (bot, Do Not Track,
 * Global Privacy Control), 400 malformed, 404 unknown tag key, 413 too large, 415 not text or JSON, 503 queue full.
 *
 * Registered here on any Fastify instance, in their own context with their own error handler.
 * The server runs them as a separate Fastify app (`buildWebTagApp`) that the HTTP server hands `/t/` requests to
 * directly, so none of the API app's hooks (helmet, which builds a helmet middleware per request; the cookie parser;
 * the per-response log line) run on a beacon; a beacon itself goes to the raw handler without any router
 * (`collectHandler.ts`). `helmet: false` covers the forwarded path (`forwardToWebTag`).
 */
export async function registerWebTag(
  app: FastifyInstance,
  deps: AppDeps,
  options: { maxQueued?: number; flushIntervalMs?: number } = {},
): Promise<WebTag> {
  const collector = new VisitCollector({ db: deps.db, logger: deps.logger, yieldBetweenBatches: deps.database.kind === 'pglite', ...options });
  const handleCollect = createCollectHandler(collector, { clock: deps.clock, logger: deps.logger, isBehindProxy: deps.config.isBehindProxy });
  const judge = createBeaconJudge(collector, { clock: deps.clock, logger: deps.logger });
  const isBehindProxy = deps.config.isBehindProxy;
  const answerBeacon: AnswerBeacon = (head, body, remoteAddress) => answerBeaconHead(head) ?? judge(body, visitorAddress(isBehindProxy, head.forwardedFor, remoteAddress));
  const script = tagScript(`${deps.config.publicUrl}${COLLECT_PATH}`);

  const crossOrigin = (reply: FastifyReply) =>
    reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin').header('cache-control', 'no-store');

  await app.register(async (tag) => {
    tag.addHook('onClose', async () => collector.close());
    tag.setErrorHandler((error: FastifyError, request, reply) => {
      crossOrigin(reply);
      if (typeof error.statusCode === 'number' && error.statusCode < 500) return reply.code(error.statusCode).send({ code: 'bad_request', message: error.message });
      deps.logger.error({ err: error, url: request.url }, 'web tag request failed');
      return reply.code(500).send({ code: 'internal', message: 'Something went wrong on our side.' });
    });

    tag.get('/t/tag.js', { helmet: false }, async (_request, reply) => {
      crossOrigin(reply).header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').type('application/javascript; charset=utf-8');
      return script;
    });

    tag.options(COLLECT_PATH, { helmet: false }, async (_request, reply) => {
      crossOrigin(reply).header('access-control-allow-methods', 'POST').header('access-control-allow-headers', 'content-type').code(204);
      return '';
    });

    // Hijacked before Fastify reads the body: the same raw handler the HTTP server calls directly answers.
    tag.post(COLLECT_PATH, {
      helmet: false,
      onRequest: (request, reply, _done) => {
        reply.hijack();
        handleCollect(request.raw, reply.raw);
      },
    }, async () => undefined);
  });
  return { collector, handleCollect, answerBeacon };
}

/** The web tag as its own Fastify app, ready to serve; closing it writes the visits still queued. */
export async function buildWebTagApp(deps: AppDeps, options: { maxQueued?: number; flushIntervalMs?: number } = {}): Promise<WebTag & { app: FastifyInstance }> {
  // No logger: Fastify then skips the per-request child logger; the collector and the error handler log through deps.
  const tagApp = Fastify({ trustProxy: deps.config.isBehindProxy });
  tagApp.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 'not_found', message: 'Not found.' }));
  const webTag = await registerWebTag(tagApp, deps, options);
  await tagApp.ready();
  return { ...webTag, app: tagApp };
}

/**
 * The API app's HTTP server (Fastify `serverFactory`): `/t/…` requests go straight to the web tag app, everything else
 * to the API app. Timeouts as Fastify sets them on its own servers. With `isFastPath`, beacons of the common shape are
 * answered before Node's HTTP module sees the connection (beaconFastPath.ts); everything else reaches this server.
 */
export function webTagServerFactory(webTag: { app: FastifyInstance; handleCollect: WebTag['handleCollect']; answerBeacon: AnswerBeacon }, isFastPath: boolean) {
  return (handler: (request: IncomingMessage, response: ServerResponse) => void, options: FastifyServerOptions): Server => {
    const server = createServer((request, response) => {
      const url = request.url ?? '';
      if (!url.startsWith(WEB_TAG_PREFIX)) handler(request, response);
      // The beacon, most of all requests a busy site sends: straight to its handler, no router.
      else if (request.method === 'POST' && (url === COLLECT_PATH || url.startsWith(`${COLLECT_PATH}?`))) webTag.handleCollect(request, response);
      else webTag.app.routing(request, response);
    });
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
    if (isFastPath) installBeaconFastPath(server, webTag.answerBeacon);
    return server;
  };
}

/**
 * What reaches the API app under `/t/` anyway (`app.inject()` in tests, a server built without the factory) is handed
 * to the web tag app before the body is read; the API app closes the web tag app (and so flushes its queue) on close.
 */
export function forwardToWebTag(app: FastifyInstance, tagApp: FastifyInstance): void {
  app.all(
    `${WEB_TAG_PREFIX}*`,
    {
      helmet: false,
      schema: { hide: true },
      // Never calls done: the web tag app reads the body and answers on the raw response.
      onRequest: (request, reply, _done) => {
        reply.hijack();
        tagApp.routing(request.raw, reply.raw);
      },
    },
    async () => undefined,
  );
  app.addHook('onClose', async () => tagApp.close());
}
