import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { EndpointContract } from '../../contracts/http';
import type { Action, Actor } from '../../domain/permissions/policy';
import type { AppDeps } from '../deps';

/** What a handler gets: the caller, the parsed input and the dependencies. Never the raw request. */
export interface RouteContext<C extends EndpointContract> {
  readonly actor: Actor;
  readonly orgId: string;
  readonly params: z.output<NonNullable<C['params']>>;
  readonly query: z.output<NonNullable<C['query']>>;
  readonly body: z.output<NonNullable<C['body']>>;
  readonly deps: AppDeps;
  readonly requestId: string;
  /** The address the request came from (the socket's; log-in throttling counts failures per address). */
  readonly clientAddress: string;
  /** Session callers: the CSRF token of their session; undefined for API keys. */
  readonly csrfToken: string | undefined;
  readonly sessionTokenHash: string | undefined;
  /** For the session routes only (set or clear the session cookie) and redirects; never passed to a use case. */
  readonly reply: FastifyReply;
}

export interface PublicRouteContext<C extends EndpointContract> extends Omit<RouteContext<C>, 'actor' | 'orgId'> {
  readonly actor: Actor | undefined;
}

type Output<C extends EndpointContract> = z.input<C['response']>;

export type RouteDefinition<C extends EndpointContract = EndpointContract> =
  | {
      readonly contract: C;
      /** The permission (domain/permissions/policy.ts) the caller needs; checked before the handler runs. */
      readonly permission: Action;
      /** Whether API keys may call it (the public API); session users always may. Default true. */
      readonly isApiKeyAllowed?: boolean;
      /** Reachable while the user must still replace a one-time password (session, log-out, change password). */
      readonly isAllowedBeforePasswordChange?: boolean;
      readonly handler: (ctx: RouteContext<C>) => Promise<Output<C>>;
    }
  | {
      readonly contract: C;
      /** Log-in, log-out, health: no caller needed. Listed explicitly so a forgotten permission fails a test. */
      readonly permission: 'public';
      readonly handler: (ctx: PublicRouteContext<C>) => Promise<Output<C>>;
    };

export function defineRoute<C extends EndpointContract>(route: RouteDefinition<C>): RouteDefinition<C> {
  return route;
}
