import type { z } from 'zod';
import type { EndpointContract } from '../../../contracts/http';
import type { AppDeps } from '../../deps';

/** What an operator handler gets: the parsed input and the dependencies. There is no organisation. */
export interface OperatorRouteContext<C extends EndpointContract> {
  readonly params: z.output<NonNullable<C['params']>>;
  readonly query: z.output<NonNullable<C['query']>>;
  readonly body: z.output<NonNullable<C['body']>>;
  readonly deps: AppDeps;
}

/**
 * An instance-operator route: callable only with `Authorization: Bearer <OPENABM_OPERATOR_TOKEN>`. Organisation
 * sessions and API keys are refused with 403 and `refusalForOrganisations`, which says where to go instead.
 */
export interface OperatorRouteDefinition<C extends EndpointContract = EndpointContract> {
  readonly contract: C;
  readonly refusalForOrganisations: string;
  readonly handler: (ctx: OperatorRouteContext<C>) => Promise<z.input<C['response']>>;
}

export function defineOperatorRoute<C extends EndpointContract>(route: OperatorRouteDefinition<C>): OperatorRouteDefinition<C> {
  return route;
}

export const ORGANISATIONS_ARE_OPERATOR_WORK =
  'Organisations are created and deactivated by the operator of this openabm instance (openabm orgs create, or the operator API with OPENABM_OPERATOR_TOKEN), not by an organisation’s users or API keys.';

export const MASTER_IS_OPERATOR_WORK =
  'The master company database is shared by every organisation on this openabm instance, so only the instance operator writes it (openabm companies import, or POST /api/operator/companies/import with OPENABM_OPERATOR_TOKEN). Add the companies your organisation needs as private companies: Settings → Companies (POST /api/companies/private/import).';
