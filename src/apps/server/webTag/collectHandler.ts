import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AcceptOutcome, VisitCollector } from '../../../adapters/webTag/visitCollector';
import { isBotUserAgent, parseVisitBeacon } from '../../../domain/webTag/parseVisit';
import type { Clock } from '../../../ports/clock';

export const BEACON_BODY_LIMIT_BYTES = 8 * 1024;

/** Every answer of the collection endpoint is readable from any site and never cached. */
const CROSS_ORIGIN = ['access-control-allow-origin', '*', 'cross-origin-resource-policy', 'cross-origin', 'cache-control', 'no-store'];
const JSON_ANSWER = [...CROSS_ORIGIN, 'content-type', 'application/json; charset=utf-8'];
const BUSY_ANSWER = [...JSON_ANSWER, 'retry-after', '5'];

const BEACON_TYPE = /^\s*(text\/plain|application\/json)\s*(;|$)/i;

const answers = {
  notJson: { status: 400, body: JSON.stringify({ code: 'validation_failed', message: 'The beacon is not JSON.' }) },
  tooLarge: { status: 413, body: JSON.stringify({ code: 'payload_too_large', message: 'The beacon is too large.' }) },
  wrongType: { status: 415, body: JSON.stringify({ code: 'bad_request', message: 'Send the beacon as text/plain or application/json.' }) },
  unknownKey: { status: 404, body: JSON.stringify({ code: 'not_found', message: 'No organisation has this web tag key.' }) },
  internal: { status: 500, body: JSON.stringify({ code: 'internal', message: 'Something went wrong on our side.' }) },
  busy: { status: 503, body: JSON.stringify({ code: 'unavailable', message: 'The collector is busy; try again shortly.' }) },
} as const;

/**
 * POST /t/collect on the raw Node request: the endpoint that runs 20,000 times a second, so no framework per beacon —
 * no router, no request/reply objects, no content-type parser chain. The HTTP server hands it the request directly;
 * the web tag's Fastify app calls it too (for `inject()` and servers built without the factory), so there is one
 * implementation of the answers: 204 stored or declined (bot, Do Not Track, Global Privacy Control), 400 malformed,
 * 404 unknown tag key, 413 over 8 KB, 415 not text or JSON, 503 + Retry-After when the queue is full.
 */
// Module-level functions, not closures per beacon: the server runs through tsx, whose keepNames names every closure
// it creates.
function answer(response: ServerResponse, reply: { status: number; body: string }, headers: readonly string[] = JSON_ANSWER): void {
  response.writeHead(reply.status, headers as string[]);
  response.end(reply.body);
}

function answerOutcome(response: ServerResponse, outcome: AcceptOutcome): void {
  if (outcome === 'queue_full') answer(response, answers.busy, BUSY_ANSWER);
  else if (outcome === 'unknown_key') answer(response, answers.unknownKey);
  else noContent(response);
}

/** Stored, or declined on purpose (bot, Do Not Track, Global Privacy Control): the page has nothing to do either way. */
function noContent(response: ServerResponse): void {
  response.writeHead(204, CROSS_ORIGIN);
  response.end();
}

export function createCollectHandler(collector: VisitCollector, options: { clock: Clock; logger: Logger; isBehindProxy: boolean }) {
  const clientIp = (request: IncomingMessage): string | undefined => {
    if (options.isBehindProxy) {
      const forwarded = request.headers['x-forwarded-for'];
      // Behind a trusted proxy the visitor is the leftmost address (what Fastify's trustProxy: true gives the API).
      if (typeof forwarded === 'string' && forwarded !== '') return forwarded.split(',', 1)[0]?.trim();
    }
    return request.socket.remoteAddress;
  };

  const finish = (request: IncomingMessage, response: ServerResponse, body: string) => {
    const parsed = parseVisitBeacon(body, options.clock.now());
    if (!parsed.ok) return answer(response, parsed.error === 'The beacon is not JSON.' ? answers.notJson : { status: 400, body: JSON.stringify({ code: 'validation_failed', message: parsed.error }) });
    const accepted = collector.accept(parsed.beacon, clientIp(request));
    if (typeof accepted === 'string') answerOutcome(response, accepted);
    else {
      accepted.then(
        (outcome) => answerOutcome(response, outcome),
        (error: unknown) => {
          options.logger.error({ err: error, url: request.url }, 'web tag request failed');
          answer(response, answers.internal);
        },
      );
    }
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    const headers = request.headers;
    const type = headers['content-type'];
    if (type === undefined || !BEACON_TYPE.test(type)) return answer(response, answers.wrongType);
    const declared = headers['content-length'];
    if (declared !== undefined && Number(declared) > BEACON_BODY_LIMIT_BYTES) return answer(response, answers.tooLarge);
    // Declined without reading the beacon: Node discards the rest of the body.
    if (headers.dnt === '1' || headers['sec-gpc'] === '1' || isBotUserAgent(headers['user-agent'])) return noContent(response);
    const chunks: Buffer[] = [];
    let size = 0;
    let isOver = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BEACON_BODY_LIMIT_BYTES) isOver = true;
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (isOver) return answer(response, answers.tooLarge);
      finish(request, response, chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', () => {
      if (!response.headersSent) answer(response, answers.notJson);
    });
  };
}
