import { BEACON_BODY_LIMIT_BYTES, type BeaconHeaders } from './beaconAnswers';

/**
 * The request head the beacon fast path takes, and only that: `POST /t/collect[?query] HTTP/1.1`, well-formed header
 * lines (a token, a colon, visible ASCII; every line ending in CRLF), exactly one Host and one Content-Length of at
 * most 8 KB, no Transfer-Encoding, Expect or Upgrade, Connection absent or keep-alive, none of the headers the answer
 * reads given twice. Anything else — including all that could frame a request differently from Node's own parser
 * (two lengths, chunked bodies, obs-fold, bare CR or LF, a space before the colon) — is `undefined`: the caller hands
 * the connection to Node's HTTP server, which answers it as it always did. Never a guess.
 */
export interface BeaconHead extends BeaconHeaders {
  /** The body's length in bytes (Content-Length, at most 8 KB). */
  readonly bodyLength: number;
  readonly forwardedFor: string | undefined;
}

/** A head longer than this (request line and headers) is handed to Node, whose own limit is 16 KB. */
export const MAX_BEACON_HEAD_BYTES = 8 * 1024;

const REQUEST_LINE = /^POST \/t\/collect(?:\?[!-~]*)? HTTP\/1\.1\r\n/;
const HEADER_LINES = /^(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\t\x20-\x7e]*\r\n)*$/;
const DIGITS = /^[0-9]{1,5}$/;
const PREFIX = Buffer.from('POST /t/collect', 'latin1');
const SPACE = 0x20;
const QUESTION_MARK = 0x3f;

/**
 * Whether the bytes from `offset` (a request's start) can still become a beacon's request line: false as soon as one
 * differs, so an API or page request is handed to Node on its first bytes.
 */
export function mayBeBeaconRequest(data: Buffer, offset: number): boolean {
  const available = Math.min(data.length - offset, PREFIX.length);
  for (let index = 0; index < available; index += 1) if (data[offset + index] !== PREFIX[index]) return false;
  if (data.length - offset <= PREFIX.length) return true;
  const next = data[offset + PREFIX.length];
  return next === SPACE || next === QUESTION_MARK;
}

/** `head`: the request line and header lines as latin1 text, each ending in CRLF, without the blank line. */
export function parseBeaconHead(head: string): BeaconHead | undefined {
  const requestLine = REQUEST_LINE.exec(head);
  if (!requestLine) return undefined;
  let at = requestLine[0].length;
  if (!HEADER_LINES.test(head.slice(at))) return undefined;
  let hosts = 0;
  let contentLength: string | undefined;
  let contentType: string | undefined;
  let userAgent: string | undefined;
  let dnt: string | undefined;
  let secGpc: string | undefined;
  let forwardedFor: string | undefined;
  while (at < head.length) {
    const lineEnd = head.indexOf('\r\n', at);
    const colon = head.indexOf(':', at);
    const value = head.slice(colon + 1, lineEnd).trim();
    switch (head.slice(at, colon).toLowerCase()) {
      case 'host':
        hosts += 1;
        break;
      case 'content-length':
        if (contentLength !== undefined || !DIGITS.test(value)) return undefined;
        contentLength = value;
        break;
      case 'content-type':
        if (contentType !== undefined) return undefined;
        contentType = value;
        break;
      case 'user-agent':
        if (userAgent !== undefined) return undefined;
        userAgent = value;
        break;
      case 'dnt':
        if (dnt !== undefined) return undefined;
        dnt = value;
        break;
      case 'sec-gpc':
        if (secGpc !== undefined) return undefined;
        secGpc = value;
        break;
      case 'x-forwarded-for':
        if (forwardedFor !== undefined) return undefined;
        forwardedFor = value;
        break;
      case 'connection':
        if (value.toLowerCase() !== 'keep-alive') return undefined;
        break;
      case 'transfer-encoding':
      case 'expect':
      case 'upgrade':
        return undefined;
      default:
    }
    at = lineEnd + 2;
  }
  if (hosts !== 1 || contentLength === undefined) return undefined;
  const bodyLength = Number(contentLength);
  if (bodyLength > BEACON_BODY_LIMIT_BYTES) return undefined;
  return { bodyLength, contentLength, contentType, userAgent, dnt, secGpc, forwardedFor };
}
