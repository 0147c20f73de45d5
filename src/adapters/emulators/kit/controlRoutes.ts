import type { EmulatorClock } from './clock';
import type { EmulatorServer } from './emulatorServer';
import type { MemberSet } from './memberSet';

/** Options every ad-channel fault accepts over `POST /__emulator/faults` (each faults.ts says which it uses). */
export interface ChannelFaultOptions {
  /** How many matching requests the fault answers; default until cleared (state faults ignore it). */
  readonly times?: number;
  /** rate-limit faults: the Retry-After seconds; omitted → no Retry-After header. */
  readonly retryAfterSeconds?: number;
  /** server_error: the HTTP status (default 500). */
  readonly status?: number;
  /** slow: delay before the real answer (default 2,000 ms). */
  readonly delayMs?: number;
  /** Provider-specific error code variant (Meta rate_limit: 80003 | 80004 | 613 | 17 | 4). */
  readonly code?: number;
  /** audience_deleted and audience faults: which audience (default: every audience). */
  readonly audienceId?: string;
  /** Only requests whose path starts with this (default: the provider's API paths). */
  readonly pathPrefix?: string;
}

export interface InspectedAudience {
  readonly id: string;
  readonly name: string;
  readonly adAccountId: string;
  /** The channel's own status words (LinkedIn BUILDING/READY…, Meta operation_status, Google membership status). */
  readonly status: string;
  readonly isDeleted: boolean;
  readonly members: MemberSet;
}

export interface ChannelControl<Name extends string> {
  readonly faultNames: readonly Name[];
  inject(name: Name, options: ChannelFaultOptions): () => void;
  readonly clock: EmulatorClock;
  audiences(): readonly InspectedAudience[];
}

const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Reads a fault request body into options, keeping only well-typed fields. */
export function faultOptionsFrom(body: Record<string, unknown>): ChannelFaultOptions {
  const options: Record<string, unknown> = {};
  for (const key of ['times', 'retryAfterSeconds', 'status', 'delayMs', 'code'] as const) if (numberOf(body[key]) !== undefined) options[key] = body[key];
  for (const key of ['audienceId', 'pathPrefix'] as const) if (typeof body[key] === 'string') options[key] = body[key];
  return options as ChannelFaultOptions;
}

/**
 * The control routes of the ad-channel emulators besides the kit's request log and fault list:
 * - `POST /__emulator/faults` `{fault, times?, retryAfterSeconds?, status?, delayMs?, code?, audienceId?, pathPrefix?}`
 * - `POST /__emulator/clock` `{advanceMs}`: moves the emulated clock (processing delays, sessions, quotas, token expiry)
 * - `GET /__emulator/audiences`: every audience with its status, live member and matched counts
 * - `GET /__emulator/audiences/:id/members`: the audience's live members (sorted), read-only, to compare with a segment
 */
export function registerChannelControlRoutes<Name extends string>(server: EmulatorServer, control: ChannelControl<Name>): void {
  const { app } = server;
  app.post('/__emulator/faults', async (request, reply) => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const name = body.fault;
    if (typeof name !== 'string' || !(control.faultNames as readonly string[]).includes(name)) {
      return reply.code(400).send({ error: `unknown fault; expected one of: ${control.faultNames.join(', ')}` });
    }
    control.inject(name as Name, faultOptionsFrom(body));
    return { injected: name };
  });
  app.post('/__emulator/clock', async (request, reply) => {
    const advanceMs = numberOf((request.body as Record<string, unknown> | undefined)?.advanceMs);
    if (advanceMs === undefined || advanceMs < 0) return reply.code(400).send({ error: 'advanceMs must be a number of milliseconds ≥ 0' });
    control.clock.advance(advanceMs);
    return { now: control.clock.now().toISOString() };
  });
  const summary = (audience: InspectedAudience) => ({
    id: audience.id,
    name: audience.name,
    adAccountId: audience.adAccountId,
    status: audience.status,
    isDeleted: audience.isDeleted,
    memberCount: audience.members.size,
    matchedCount: audience.members.matchedCount,
  });
  app.get('/__emulator/audiences', async () => ({ audiences: control.audiences().map(summary) }));
  app.get<{ Params: { id: string } }>('/__emulator/audiences/:id/members', async (request, reply) => {
    const audience = control.audiences().find((candidate) => candidate.id === request.params.id);
    if (!audience) return reply.code(404).send({ error: `no audience ${request.params.id}` });
    return { ...summary(audience), members: audience.members.list() };
  });
}
