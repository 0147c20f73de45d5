import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { VisitCollector } from '../../../adapters/webTag/visitCollector';
import type { Clock } from '../../../ports/clock';
import { answerBeaconHead, BEACON_BODY_LIMIT_BYTES, beaconReplies, createBeaconJudge, visitorAddress, type BeaconReply } from './beaconAnswers';

/**
 * POST /t/collect on the raw Node request: the endpoint that runs 20,000 times a second, so no framework per beacon —
 * no router, no request/reply objects, no content-type parser chain. The HTTP server hands it the requests its
 * connection-level fast path does not take (`beaconFastPath.ts`, or all of them when that is off); the web tag's
 * Fastify app calls it too (for `inject()` and servers built without the factory). The answers themselves are decided
 * in `beaconAnswers.ts`, which the fast path shares: 204 stored or declined (bot, Do Not Track, Global Privacy
 * Control), 400 malformed, 404 unknown tag key, 413 over 8 KB, 415 not text or JSON, 503 + Retry-After when the queue
 * is full.
 */
// Module-level functions, not closures per beacon: the server runs through tsx, whose keepNames names every closure
// it creates.
function answer(response: ServerResponse, reply: BeaconReply): void {
  response.writeHead(reply.status, reply.headers as string[]);
  response.end(reply.body);
}

export function createCollectHandler(collector: VisitCollector, options: { clock: Clock; logger: Logger; isBehindProxy: boolean }) {
  const judge = createBeaconJudge(collector, options);

  const finish = (request: IncomingMessage, response: ServerResponse, body: string) => {
    const headers = request.headers;
    const forwardedFor = headers['x-forwarded-for'];
    const reply = judge(body, visitorAddress(options.isBehindProxy, typeof forwardedFor === 'string' ? forwardedFor : undefined, request.socket.remoteAddress));
    if (reply instanceof Promise) reply.then((settled) => answer(response, settled), () => answer(response, beaconReplies.internal));
    else answer(response, reply);
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    const headers = request.headers;
    const early = answerBeaconHead({
      contentType: headers['content-type'],
      contentLength: headers['content-length'],
      dnt: headers.dnt as string | undefined,
      secGpc: headers['sec-gpc'] as string | undefined,
      userAgent: headers['user-agent'],
    });
    // Declined without reading the beacon: Node discards the rest of the body.
    if (early) return answer(response, early);
    const chunks: Buffer[] = [];
    let size = 0;
    let isOver = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BEACON_BODY_LIMIT_BYTES) isOver = true;
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (isOver) return answer(response, beaconReplies.tooLarge);
      finish(request, response, chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', () => {
      if (!response.headersSent) answer(response, beaconReplies.notJson);
    });
  };
}
