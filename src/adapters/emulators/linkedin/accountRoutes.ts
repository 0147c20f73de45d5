import type { FastifyInstance } from 'fastify';
import { accountUrn, memberOf } from './context';
import { linkedInErrors, sendLinkedInError } from './http';
import type { LinkedInAdAccount, LinkedInState } from './state';

function accountView(account: LinkedInAdAccount) {
  return {
    id: Number(account.id),
    name: account.name,
    currency: account.currency,
    status: 'ACTIVE',
    type: 'BUSINESS',
    test: false,
    reference: 'urn:li:organization:2414183',
    servingStatuses: ['RUNNABLE'],
  };
}

/**
 * Ad accounts the member can reach: `GET /rest/adAccountUsers?q=authenticatedUser` (one element per account with the
 * member's role, every role including VIEWER: callers keep the ones that may manage audiences), `GET
 * /rest/adAccounts/{id}` and `GET /rest/adAccounts?q=search`.
 */
export function registerLinkedInAccountRoutes(scope: FastifyInstance, state: LinkedInState): void {
  scope.get<{ Querystring: Record<string, string | undefined> }>('/adAccountUsers', async (request, reply) => {
    if (request.query.q !== 'authenticatedUser') return sendLinkedInError(reply, linkedInErrors.badRequest('Unsupported finder; use q=authenticatedUser'));
    const user = `urn:li:person:${memberOf(request)}`;
    const elements = [...state.accounts.values()].map((account) => ({
      account: accountUrn(account.id),
      role: account.role,
      user,
      changeAuditStamps: { created: { time: 1_735_689_600_000 }, lastModified: { time: 1_735_689_600_000 } },
    }));
    return { elements, paging: { start: 0, count: elements.length, links: [] } };
  });

  scope.get<{ Querystring: Record<string, string | undefined> }>('/adAccounts', async (request, reply) => {
    if (request.query.q !== 'search') return sendLinkedInError(reply, linkedInErrors.badRequest('Unsupported finder; use q=search'));
    const elements = [...state.accounts.values()].map(accountView);
    return { elements, paging: { start: 0, count: elements.length, total: elements.length, links: [] } };
  });

  scope.get<{ Params: { id: string } }>('/adAccounts/:id', async (request, reply) => {
    const account = state.accounts.get(request.params.id);
    if (!account) return sendLinkedInError(reply, linkedInErrors.accessDenied(`adAccounts.GET.${request.params.id}`));
    return accountView(account);
  });
}
