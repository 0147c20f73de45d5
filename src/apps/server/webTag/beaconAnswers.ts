import type { Logger } from 'pino';
import type { AcceptOutcome, VisitCollector } from '../../../adapters/webTag/visitCollector';
import { isBotUserAgent, parseVisitBeacon } from '../../../domain/webTag/parseVisit';
import type { Clock } from '../../../ports/clock';

export const BEACON_BODY_LIMIT_BYTES = 8 * 1024;

/**
 * One answer of the collection endpoint: status, headers as Node's `writeHead` takes them (name, value, name, value;
 * a body's Content-Length included) and body. Both ways a beacon arrives — Node's HTTP server (`collectHandler.ts`)
 * and the connection-level fast path (`beaconFastPath.ts`) — write these, so they answer alike.
 */
export interface BeaconReply {
  readonly status: number;
  readonly headers: readonly string[];
  readonly body: string;
}

/** Every answer of the collection endpoint is readable from any site and never cached. */
const CROSS_ORIGIN = ['access-control-allow-origin', '*', 'cross-origin-resource-policy', 'cross-origin', 'cache-control', 'no-store'];

function jsonReply(status: number, code: string, message: string, extra: readonly string[] = []): BeaconReply {
  const body = JSON.stringify({ code, message });
  return { status, headers: [...CROSS_ORIGIN, 'content-type', 'application/json; charset=utf-8', ...extra, 'content-length', String(Buffer.byteLength(body))], body };
}

export const beaconReplies = {
  /** Stored, or declined on purpose (bot, Do Not Track, Global Privacy Control): the page has nothing to do either way. */
  noContent: { status: 204, headers: CROSS_ORIGIN, body: '' } as BeaconReply,
  notJson: jsonReply(400, 'validation_failed', 'The beacon is not JSON.'),
  tooLarge: jsonReply(413, 'payload_too_large', 'The beacon is too large.'),
  wrongType: jsonReply(415, 'bad_request', 'Send the beacon as text/plain or application/json.'),
  unknownKey: jsonReply(404, 'not_found', 'No organisation has this web tag key.'),
  internal: jsonReply(500, 'internal', 'Something went wrong on our side.'),
  busy: jsonReply(503, 'unavailable', 'The collector is busy; try again shortly.', ['retry-after', '5']),
} as const;

const BEACON_TYPE = /^\s*(text\/plain|application\/json)\s*(;|$)/i;

/** The request's headers a beacon's answer depends on, as Node gives them (undefined when absent). */
export interface BeaconHeaders {
  readonly contentType: string | undefined;
  readonly contentLength: string | undefined;
  readonly dnt: string | undefined;
  readonly secGpc: string | undefined;
  readonly userAgent: string | undefined;
}

/**
 * What the head alone decides, before the body is read: 415 not text or JSON, 413 declared over 8 KB, 204 declined
 * (Do Not Track, Global Privacy Control, a bot's user agent); undefined when the body must be read.
 */
export function answerBeaconHead(headers: BeaconHeaders): BeaconReply | undefined {
  if (headers.contentType === undefined || !BEACON_TYPE.test(headers.contentType)) return beaconReplies.wrongType;
  if (headers.contentLength !== undefined && Number(headers.contentLength) > BEACON_BODY_LIMIT_BYTES) return beaconReplies.tooLarge;
  if (headers.dnt === '1' || headers.secGpc === '1' || isBotUserAgent(headers.userAgent)) return beaconReplies.noContent;
  return undefined;
}

/** Behind a trusted proxy the visitor is X-Forwarded-For's leftmost address (what Fastify's trustProxy: true gives the API). */
export function visitorAddress(isBehindProxy: boolean, forwardedFor: string | undefined, remoteAddress: string | undefined): string | undefined {
  if (isBehindProxy && forwardedFor !== undefined && forwardedFor !== '') return forwardedFor.split(',', 1)[0]?.trim();
  return remoteAddress;
}

function replyOf(outcome: AcceptOutcome): BeaconReply {
  if (outcome === 'queue_full') return beaconReplies.busy;
  if (outcome === 'unknown_key') return beaconReplies.unknownKey;
  return beaconReplies.noContent;
}

/**
 * The beacon's body judged and, when valid, handed to the collector: 204 queued, 400 malformed, 404 unknown tag key,
 * 503 queue full. Synchronous when the collector's caches are warm; otherwise a promise that never rejects (500).
 */
export function createBeaconJudge(collector: VisitCollector, options: { clock: Clock; logger: Logger }) {
  const failed = (error: unknown): BeaconReply => {
    options.logger.error({ err: error, url: '/t/collect' }, 'web tag request failed');
    return beaconReplies.internal;
  };
  return (body: string, address: string | undefined): BeaconReply | Promise<BeaconReply> => {
    const parsed = parseVisitBeacon(body, options.clock.now());
    if (!parsed.ok) return parsed.error === 'The beacon is not JSON.' ? beaconReplies.notJson : jsonReply(400, 'validation_failed', parsed.error);
    const accepted = collector.accept(parsed.beacon, address);
    return typeof accepted === 'string' ? replyOf(accepted) : accepted.then(replyOf, failed);
  };
}
