import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { Server as TlsServer } from 'node:tls';
import { beaconReplies, type BeaconReply } from './beaconAnswers';
import { MAX_BEACON_HEAD_BYTES, mayBeBeaconRequest, parseBeaconHead, type BeaconHead } from './beaconRequestHead';

/** Answers one beacon from its parsed head, its body and the connection's peer address (see `beaconAnswers.ts`). */
export type AnswerBeacon = (head: BeaconHead, body: string, remoteAddress: string | undefined) => BeaconReply | Promise<BeaconReply>;

/** Answers the fast path wrote, by status (what Node's 'request' event no longer sees: for load tools and benches). */
export type BeaconAnswerCounts = Record<number, number>;

const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');
const REQUEST_TIMEOUT = Buffer.from('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n', 'latin1');
const FIXED_REPLIES = new Set<BeaconReply>(Object.values(beaconReplies));
const counters = new WeakMap<Server, BeaconAnswerCounts>();

/** The fast path's answer counts on `server`; undefined when it has none (switched off, or a TLS server). */
export function beaconFastPathCounts(server: Server): BeaconAnswerCounts | undefined {
  return counters.get(server);
}

/**
 * Beacons below Node's `http` module. Node's HTTP server costs ~50 µs of CPU a request on this machine (its parser
 * objects, IncomingMessage and ServerResponse, their streams, one socket write an answer): a whole core at 20,000
 * beacons a second. This takes each plain-TCP connection first: while its requests are beacons of the exact common
 * shape (`beaconRequestHead.ts`) it answers them itself — the answers decided by the same code as Node's path, and
 * written once per read however many pipelined requests the read held. The first request of another shape (a page, an
 * API call, a preflight, anything ambiguous or oversized) hands the connection to Node's HTTP server with the bytes
 * not yet answered, after every answer before it is written; from then on the connection stays with Node.
 *
 * Timeouts as Node's: an idle connection closes after the server's keepAliveTimeout (headersTimeout when that is 0), a
 * request not complete within headersTimeout of its first byte gets 408 and the connection closes (slowloris).
 * Backpressure: no reading while the socket's write buffer is full. On shutdown (closeIdleConnections, which
 * server.close() and Fastify's close call) idle connections close and busy ones after their current answers.
 */
export function installBeaconFastPath(server: Server, answerBeacon: AnswerBeacon): void {
  if (server instanceof TlsServer) return;
  // Node's own 'connection' listener (http.Server's constructor adds it): called for what this hands on.
  const nodeListeners = server.listeners('connection') as Array<(socket: Socket) => void>;
  server.removeAllListeners('connection');
  const handToNode = (socket: Socket) => {
    for (const listener of nodeListeners) listener.call(server, socket);
  };
  const counts: BeaconAnswerCounts = {};
  counters.set(server, counts);
  const open = new Set<BeaconConnection>();
  const shared = { server, answerBeacon, handToNode, counts, open, isClosing: false, answers: new AnswerBytes() };
  server.on('connection', (socket: Socket) => {
    // A server with a per-socket request limit writes `max=` in its Keep-Alive header and counts requests: Node's job.
    if (shared.isClosing || (server.maxRequestsPerSocket ?? 0) > 0) handToNode(socket);
    else open.add(new BeaconConnection(socket, shared));
  });
  const closeIdle = server.closeIdleConnections.bind(server);
  server.closeIdleConnections = () => {
    shared.isClosing = true;
    for (const connection of open) connection.closeWhenIdle();
    closeIdle();
  };
  const closeAll = server.closeAllConnections.bind(server);
  server.closeAllConnections = () => {
    shared.isClosing = true;
    for (const connection of open) connection.socket.destroy();
    closeAll();
  };
}

interface Shared {
  readonly server: Server;
  readonly answerBeacon: AnswerBeacon;
  readonly handToNode: (socket: Socket) => void;
  readonly counts: BeaconAnswerCounts;
  readonly open: Set<BeaconConnection>;
  readonly isClosing: boolean;
  readonly answers: AnswerBytes;
}

/** One connection while the fast path holds it. */
class BeaconConnection {
  /** Bytes received and not yet answered: always from a request's first byte. */
  private pending: Buffer | undefined;
  /** The pending request's head once parsed, and its length in bytes with the blank line. */
  private head: BeaconHead | undefined;
  private headBytes = 0;
  /** An answer waits for the collector (a tag key or IP ranges being read): reading stops until it is written. */
  private isWaiting = false;
  private needsDrain = false;
  private hasEnded = false;
  private isHandedOff = false;
  private deadline: NodeJS.Timeout | undefined;
  private readonly remoteAddress: string | undefined;
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  private readonly onDrain = () => {
    this.needsDrain = false;
    if (!this.isWaiting) this.socket.resume();
  };
  private readonly onEnd = () => {
    this.hasEnded = true;
    if (!this.isWaiting) this.socket.end();
  };
  private readonly onTimeout = () => {
    if (!this.isWaiting && this.pending === undefined) this.socket.destroy();
  };
  private readonly onError = () => this.socket.destroy();
  private readonly onClose = () => {
    this.clearDeadline();
    this.shared.open.delete(this);
  };

  constructor(
    readonly socket: Socket,
    private readonly shared: Shared,
  ) {
    this.remoteAddress = socket.remoteAddress;
    socket.setTimeout(shared.server.keepAliveTimeout || shared.server.headersTimeout);
    socket.on('data', this.onData);
    socket.on('drain', this.onDrain);
    socket.on('end', this.onEnd);
    socket.on('timeout', this.onTimeout);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
  }

  closeWhenIdle(): void {
    if (!this.isWaiting && this.pending === undefined) this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    // Closing (shutdown, 408): what the client still sends gets no answer.
    if (this.socket.writableEnded) return;
    const data = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = undefined;
    if (this.isWaiting) this.pending = data;
    else this.process(data);
  }

  /** Answers every complete request in `data` (which starts at a request's first byte) with one write. */
  private process(data: Buffer): void {
    const written: Buffer[] = [];
    let offset = 0;
    while (offset < data.length) {
      if (this.head === undefined) {
        if (!mayBeBeaconRequest(data, offset)) return this.handOff(written, data.subarray(offset));
        const headEnd = data.indexOf(HEAD_END, offset);
        const headLength = (headEnd < 0 ? data.length : headEnd) - offset;
        if (headLength > MAX_BEACON_HEAD_BYTES) return this.handOff(written, data.subarray(offset));
        if (headEnd < 0) break;
        const head = parseBeaconHead(data.toString('latin1', offset, headEnd + 2));
        if (head === undefined) return this.handOff(written, data.subarray(offset));
        this.head = head;
        this.headBytes = headEnd + 4 - offset;
      }
      const bodyStart = offset + this.headBytes;
      const bodyEnd = bodyStart + this.head.bodyLength;
      if (bodyEnd > data.length) break;
      const reply = this.shared.answerBeacon(this.head, data.toString('utf8', bodyStart, bodyEnd), this.remoteAddress);
      this.head = undefined;
      offset = bodyEnd;
      if (reply instanceof Promise) {
        this.write(written);
        this.await(reply, offset < data.length ? data.subarray(offset) : undefined);
        return;
      }
      written.push(this.shared.answers.bytesOf(reply, this.shared.server.keepAliveTimeout));
      this.shared.counts[reply.status] = (this.shared.counts[reply.status] ?? 0) + 1;
    }
    if (offset < data.length) {
      this.pending = data.subarray(offset);
      // The deadline runs from the first byte of the request still incomplete.
      if (offset > 0) this.clearDeadline();
      this.deadline ??= setTimeout(() => this.timedOut(), this.shared.server.headersTimeout).unref();
    } else this.clearDeadline();
    this.write(written);
    if (this.shared.isClosing && this.pending === undefined) this.socket.end();
  }

  private write(answers: Buffer[]): void {
    if (answers.length === 0) return;
    if (!this.socket.write(answers.length === 1 ? (answers[0] as Buffer) : Buffer.concat(answers))) {
      this.needsDrain = true;
      this.socket.pause();
    }
  }

  private await(reply: Promise<BeaconReply>, rest: Buffer | undefined): void {
    this.isWaiting = true;
    this.pending = rest;
    this.clearDeadline();
    this.socket.pause();
    reply.then(
      (settled) => {
        this.isWaiting = false;
        if (this.socket.destroyed) return;
        this.write([this.shared.answers.bytesOf(settled, this.shared.server.keepAliveTimeout)]);
        this.shared.counts[settled.status] = (this.shared.counts[settled.status] ?? 0) + 1;
        const waiting = this.pending;
        this.pending = undefined;
        if (waiting !== undefined) this.process(waiting);
        else if (this.shared.isClosing) this.socket.end();
        if (this.hasEnded && !this.isWaiting && !this.isHandedOff) this.socket.end();
        else if (!this.isWaiting && !this.needsDrain && !this.isHandedOff) this.socket.resume();
      },
      () => this.socket.destroy(),
    );
  }

  /** Node answers 408 and closes a connection whose request did not arrive in time; so does this. */
  private timedOut(): void {
    this.deadline = undefined;
    if (this.pending === undefined || this.isWaiting || this.isHandedOff) return;
    this.socket.end(REQUEST_TIMEOUT);
  }

  private clearDeadline(): void {
    if (this.deadline === undefined) return;
    clearTimeout(this.deadline);
    this.deadline = undefined;
  }

  /** After the answers so far are written, the connection with `rest` (not yet answered) goes to Node for good. */
  private handOff(answers: Buffer[], rest: Buffer): void {
    this.write(answers);
    // The client half-closed while a beacon's answer waited: no stream to hand on; the answers so far are all it gets.
    if (this.hasEnded) {
      this.socket.end();
      return;
    }
    this.isHandedOff = true;
    this.clearDeadline();
    this.shared.open.delete(this);
    const socket = this.socket;
    socket.setTimeout(0);
    socket.off('data', this.onData);
    socket.off('drain', this.onDrain);
    socket.off('end', this.onEnd);
    socket.off('timeout', this.onTimeout);
    socket.off('error', this.onError);
    socket.off('close', this.onClose);
    socket.pause();
    socket.unshift(rest);
    this.shared.handToNode(socket);
    socket.resume();
  }
}

/**
 * An answer's bytes as Node's ServerResponse writes them for `writeHead(status, headers)` + `end(body)` on a
 * keep-alive connection: status line, the headers in order, then Date, Connection and Keep-Alive. The fixed answers'
 * bytes are kept until the Date changes (once a second).
 */
class AnswerBytes {
  private date = '';
  private dateUntil = 0;
  private readonly known = new Map<BeaconReply, Buffer>();

  bytesOf(reply: BeaconReply, keepAliveTimeout: number): Buffer {
    const now = Date.now();
    if (now >= this.dateUntil) {
      this.date = new Date(now).toUTCString();
      this.dateUntil = now - (now % 1000) + 1000;
      this.known.clear();
    }
    let bytes = this.known.get(reply);
    if (bytes === undefined) {
      let text = `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}\r\n`;
      for (let index = 0; index < reply.headers.length; index += 2) text += `${reply.headers[index]}: ${reply.headers[index + 1]}\r\n`;
      text += `Date: ${this.date}\r\nConnection: keep-alive\r\n`;
      if (keepAliveTimeout > 0) text += `Keep-Alive: timeout=${Math.floor(keepAliveTimeout / 1000)}\r\n`;
      bytes = Buffer.from(`${text}\r\n${reply.body}`, 'utf8');
      // Fixed answers only: a validation message is built for its beacon (and rare).
      if (FIXED_REPLIES.has(reply)) this.known.set(reply, bytes);
    }
    return bytes;
  }
}
