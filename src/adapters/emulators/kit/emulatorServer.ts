import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/** What an emulator saw, so tests can assert on the requests a connector sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  receivedAt: Date;
}

/**
 * A fault answers instead of the emulator's real route. Provider emulators define named faults in their
 * faults.ts (expired token, 429, 5xx, quota exhausted, …) on top of this.
 */
export interface FaultRule {
  /** Which requests it applies to; undefined means every request except the /__emulator control routes. */
  matches?: (request: FastifyRequest) => boolean;
  /** How many requests it answers before it is spent; undefined means until cleared. */
  times?: number;
  /** Wait this long before answering (or before the real route, when respond is undefined). */
  delayMs?: number;
  respond?: (request: FastifyRequest, reply: FastifyReply) => unknown;
  /** Name shown in the control API listing. */
  label: string;
}

export interface EmulatorServerOptions {
  name: string;
  /** Log to stderr (standalone sandbox); silent by default. */
  isLogging?: boolean;
}

/**
 * The shared shell of every provider emulator: a Fastify app that records requests, answers 501 for any route the
 * emulator does not implement (so a connector calling an unknown endpoint fails its test), and applies faults.
 */
export class EmulatorServer {
  readonly app: FastifyInstance;
  readonly requests: RecordedRequest[] = [];
  private faults: Array<FaultRule & { remaining: number }> = [];
  private listeningUrl: string | undefined;

  constructor(readonly options: EmulatorServerOptions) {
    // Logs go to stderr: `openabm sandbox` keeps stdout for its one JSON line.
    this.app = Fastify({ logger: options.isLogging ? { level: 'info', stream: process.stderr } : false, bodyLimit: 64 * 1024 * 1024 });
    // Providers send form bodies to their token endpoints and JSON elsewhere; keep the raw text of anything else.
    this.app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    this.app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    this.app.addHook('preHandler', async (request, reply) => {
      const url = new URL(request.url, 'http://emulator');
      if (url.pathname.startsWith('/__emulator')) return;
      this.requests.push({
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')])),
        body: request.body,
        receivedAt: new Date(),
      });
      const fault = this.faults.find((rule) => rule.remaining > 0 && (rule.matches ? rule.matches(request) : true));
      if (!fault) return;
      fault.remaining -= 1;
      this.faults = this.faults.filter((rule) => rule.remaining > 0);
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.respond) {
        await fault.respond(request, reply);
        return reply;
      }
    });
    this.app.setNotFoundHandler((request, reply) => {
      reply.code(501).send({ error: `unhandled: ${request.method} ${new URL(request.url, 'http://emulator').pathname}` });
    });
    this.app.get('/__emulator/requests', async () => ({ requests: this.requests }));
    this.app.delete('/__emulator/requests', async () => {
      this.requests.length = 0;
      return { cleared: true };
    });
    this.app.get('/__emulator/faults', async () => ({
      faults: this.faults.map((rule) => ({ label: rule.label, remaining: rule.remaining })),
    }));
    this.app.delete('/__emulator/faults', async () => {
      this.clearFaults();
      return { cleared: true };
    });
  }

  /** Adds a fault; it answers before the emulator's own routes. Returns a function that removes it. */
  addFault(rule: FaultRule): () => void {
    const entry = { ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY };
    this.faults.push(entry);
    return () => {
      this.faults = this.faults.filter((candidate) => candidate !== entry);
    };
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Requests whose path starts with the prefix (and method, when given). */
  requestsTo(pathPrefix: string, method?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(pathPrefix) && (method === undefined || r.method === method));
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const address = await this.app.listen({ port, host });
    this.listeningUrl = address.replace('[::1]', '127.0.0.1');
    return this.listeningUrl;
  }

  get baseUrl(): string {
    if (!this.listeningUrl) throw new Error(`${this.options.name} emulator is not listening yet`);
    return this.listeningUrl;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

/** Parses Retry-After-style delays for faults declared as data (seconds). */
export function secondsHeader(seconds: number): Record<string, string> {
  return { 'retry-after': String(seconds) };
}
