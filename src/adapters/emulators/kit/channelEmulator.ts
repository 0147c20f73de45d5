import type { FastifyRequest } from 'fastify';
import type { EmulatorClock } from './clock';
import { registerChannelControlRoutes, type ChannelFaultOptions, type InspectedAudience } from './controlRoutes';
import { EmulatorServer, type FaultRule } from './emulatorServer';
import { redirectWith } from './oauthPages';
import type { OAuthTokenStore } from './oauthTokens';

/**
 * The scaffolding the ad-channel emulators (Google, LinkedIn, Meta) share: starting the server with its control
 * routes, and the faults every channel has (token expiry and revocation, a slow answer,
 * the user declining consent). Each emulator keeps only its wire specifics: which paths are its API, its OAuth
 * authorize page and how it says "the user declined", and its own error bodies.
 */

export const pathOf = (request: FastifyRequest): string => new URL(request.url, 'http://emulator').pathname;

/** Faults every channel has; the rest are each channel's own (faults.ts). */
export const SHARED_CHANNEL_FAULTS = ['expired_token', 'revoked_token', 'refresh_token_expired', 'slow', 'consent_denied'] as const;
export type SharedChannelFault = (typeof SHARED_CHANNEL_FAULTS)[number];

export function isSharedChannelFault(name: string): name is SharedChannelFault {
  return (SHARED_CHANNEL_FAULTS as readonly string[]).includes(name);
}

/** State faults cannot be lifted: their "lift" does nothing. */
export const NOT_LIFTABLE = (): void => undefined;

/** What a channel tells the kit about its wire, for the shared faults and request-answering rules. */
export interface ChannelFaultWire {
  /** The channel's API calls that request faults answer by default (not OAuth pages, not /__emulator). */
  readonly isApiPath: (path: string) => boolean;
  /** The OAuth authorize (consent) page. */
  readonly isAuthorizePath: (path: string) => boolean;
  /** The query parameters the authorize page redirects with when the user declines (state is added). */
  readonly consentDeniedParams: Readonly<Record<string, string>>;
  /** The body of a 400 when the authorize request has no redirect_uri. */
  readonly missingRedirectBody: Readonly<Record<string, string>>;
}

/**
 * A request-answering fault: the channel's API paths (or `options.pathPrefix`) for `options.times` requests (default
 * until cleared). `respond` undefined = the real answer, after `extra.delayMs`.
 */
export function addChannelFaultRule(
  server: EmulatorServer,
  wire: Pick<ChannelFaultWire, 'isApiPath'>,
  label: string,
  options: ChannelFaultOptions,
  respond: FaultRule['respond'],
  extra: Partial<FaultRule> = {},
): () => void {
  return server.addFault({
    label,
    matches: (request) => (options.pathPrefix ? pathOf(request).startsWith(options.pathPrefix) : wire.isApiPath(pathOf(request))),
    ...(options.times === undefined ? {} : { times: options.times }),
    ...(respond ? { respond } : {}),
    ...extra,
  });
}

/** Applies one of the shared faults; returns a function that lifts it (state faults cannot be lifted). */
export function injectSharedChannelFault(
  server: EmulatorServer,
  tokens: OAuthTokenStore,
  wire: ChannelFaultWire,
  name: SharedChannelFault,
  options: ChannelFaultOptions,
): () => void {
  switch (name) {
    case 'expired_token':
      tokens.expireAllAccessTokens();
      return NOT_LIFTABLE;
    case 'revoked_token':
      tokens.revokeAll();
      return NOT_LIFTABLE;
    case 'refresh_token_expired':
      tokens.expireAllRefreshTokens();
      return NOT_LIFTABLE;
    case 'slow':
      return addChannelFaultRule(server, wire, name, options, undefined, { delayMs: options.delayMs ?? 2_000 });
    case 'consent_denied':
      return server.addFault({
        label: name,
        matches: (request) => wire.isAuthorizePath(pathOf(request)),
        ...(options.times === undefined ? {} : { times: options.times }),
        respond: (request, reply) => {
          const query = request.query as Record<string, string | undefined>;
          if (!query.redirect_uri) return reply.code(400).send(wire.missingRedirectBody);
          return reply.redirect(redirectWith(query.redirect_uri, { ...wire.consentDeniedParams, state: query.state }));
        },
      });
  }
}

export interface ChannelEmulatorSpec<Name extends string, State> {
  readonly provider: string;
  readonly state: State;
  readonly clock: EmulatorClock;
  readonly port?: number | undefined;
  readonly isLogging?: boolean | undefined;
  registerRoutes(server: EmulatorServer, state: State): void;
  readonly faultNames: readonly Name[];
  injectFault(server: EmulatorServer, state: State, name: Name, options: ChannelFaultOptions): () => void;
  /** What `GET /__emulator/audiences` lists, in the channel's own status words. */
  audiences(state: State): readonly InspectedAudience[];
}

/** Starts an ad-channel emulator on 127.0.0.1: its routes, the fault/clock/audience control routes, then listen. */
export async function startChannelEmulator<Name extends string, State>(spec: ChannelEmulatorSpec<Name, State>) {
  const server = new EmulatorServer({ name: spec.provider, isLogging: spec.isLogging ?? false });
  spec.registerRoutes(server, spec.state);
  const injectFault = (name: Name, options: ChannelFaultOptions = {}): (() => void) => spec.injectFault(server, spec.state, name, options);
  registerChannelControlRoutes(server, { faultNames: spec.faultNames, inject: injectFault, clock: spec.clock, audiences: () => spec.audiences(spec.state) });
  const baseUrl = await server.listen(spec.port ?? 0);
  return { server, baseUrl, injectFault, close: () => server.close() };
}
