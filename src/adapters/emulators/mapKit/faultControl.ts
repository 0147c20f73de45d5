import type { FastifyRequest } from 'fastify';
import type { EmulatorServer, FaultRule } from '../kit/emulatorServer';

/** Options every MAP emulator fault accepts (typed API and `POST /__emulator/faults`). */
export interface MapFaultOptions {
  /** How many matching requests the fault answers; default until cleared. Ignored by state faults. */
  readonly times?: number;
  /** Only requests whose path starts with this (default: the data API of the provider). */
  readonly pathPrefix?: string;
  /** Retry-After seconds for 429 faults; omitted when undefined (tests cover both). */
  readonly retryAfterSeconds?: number;
  /** 5xx faults: 500 (default), 502 or 503. Pardot code faults: the HTTP status to send (default 400). */
  readonly status?: number;
  /** slow: delay before the real answer (default 2,000 ms). */
  readonly delayMs?: number;
}

export function pathOf(request: FastifyRequest): string {
  return new URL(request.url, 'http://emulator').pathname;
}

/** A response fault on requests under `prefix`. */
export function answerFault(
  server: EmulatorServer,
  label: string,
  prefix: string,
  options: MapFaultOptions,
  respond: FaultRule['respond'] | undefined,
  extra: Partial<FaultRule> = {},
): () => void {
  return server.addFault({
    label,
    matches: (request) => pathOf(request).startsWith(options.pathPrefix ?? prefix),
    ...(options.times === undefined ? {} : { times: options.times }),
    ...(respond ? { respond } : {}),
    ...extra,
  });
}

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): NonNullable<FaultRule['respond']> {
  return (_request, reply) => reply.code(status).headers(headers).type('application/json;charset=utf-8').send(JSON.stringify(body));
}

export function retryAfterHeaders(options: MapFaultOptions): Record<string, string> {
  return options.retryAfterSeconds === undefined ? {} : { 'retry-after': String(options.retryAfterSeconds) };
}

/** `POST /__emulator/faults` `{fault, times?, pathPrefix?, retryAfterSeconds?, status?, delayMs?}` for a named-fault API. */
export function registerFaultControl<Name extends string>(
  server: EmulatorServer,
  names: readonly Name[],
  inject: (name: Name, options: MapFaultOptions) => unknown,
): void {
  server.app.post('/__emulator/faults', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const name = body.fault;
    if (typeof name !== 'string' || !(names as readonly string[]).includes(name)) {
      return reply.code(400).send({ error: `unknown fault; expected one of: ${names.join(', ')}` });
    }
    const number = (key: string) => (typeof body[key] === 'number' ? { [key]: body[key] } : {});
    inject(name as Name, {
      ...number('times'),
      ...number('retryAfterSeconds'),
      ...number('status'),
      ...number('delayMs'),
      ...(typeof body.pathPrefix === 'string' ? { pathPrefix: body.pathPrefix } : {}),
    } as MapFaultOptions);
    return { injected: name };
  });
}
