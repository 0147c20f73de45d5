import type { FastifyRequest } from 'fastify';
import { pick, requestedFields } from './http';
import { readAudience } from './audienceRoutes';
import type { MetaAdAccount, MetaState } from './state';

/** Graph list pages: `{data, paging:{cursors:{before,after}, next?}}` with `limit` and `after` (opaque cursors). */
export function page<T>(request: FastifyRequest, items: readonly T[], params: Record<string, unknown>): { data: T[]; paging?: Record<string, unknown> } {
  const limit = Math.min(Math.max(Number(params.limit ?? 25) || 25, 1), 500);
  const start = typeof params.after === 'string' ? Number(Buffer.from(params.after, 'base64url').toString()) || 0 : 0;
  const data = items.slice(start, start + limit);
  if (items.length === 0) return { data };
  const cursor = (index: number) => Buffer.from(String(index)).toString('base64url');
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + data.length) } };
  if (start + limit < items.length) {
    const next = new URL(request.url, `${request.protocol}://${request.headers.host ?? 'localhost'}`);
    next.searchParams.set('after', cursor(start + data.length));
    next.searchParams.set('limit', String(limit));
    paging.next = next.toString();
  }
  return { data, paging };
}

export function accountView(account: MetaAdAccount): Record<string, unknown> {
  return {
    id: `act_${account.id}`,
    account_id: account.id,
    name: account.name,
    currency: account.currency,
    account_status: 1,
    user_tasks: account.tasks,
    tos_accepted: account.isTosAccepted ? { custom_audience_tos: 1 } : {},
  };
}

export function readAccount(account: MetaAdAccount, params: Record<string, unknown>): Record<string, unknown> {
  const fields = requestedFields(params);
  return pick(accountView(account), fields.length > 0 ? ['id', ...fields] : ['id', 'account_id']);
}

export function me(state: MetaState, params: Record<string, unknown>): Record<string, unknown> {
  const fields = requestedFields(params);
  return pick({ id: state.options.demoUserId, name: state.options.demoUserName }, fields.length > 0 ? ['id', ...fields] : ['id', 'name']);
}

/** `GET /me/adaccounts`: every ad account the demo user can reach, with `user_tasks` telling what they may do. */
export function myAdAccounts(state: MetaState, request: FastifyRequest, params: Record<string, unknown>) {
  return page(request, [...state.accounts.values()].map((account) => readAccount(account, params)), params);
}

/** `GET /act_{id}/customaudiences`: the account's live audiences, newest first. */
export function accountAudiences(state: MetaState, account: MetaAdAccount, request: FastifyRequest, params: Record<string, unknown>) {
  const audiences = state.liveAudiencesOf(account.id).sort((a, b) => b.createdAtMs - a.createdAtMs || Number(b.id) - Number(a.id));
  return page(request, audiences.map((audience) => readAudience(state, audience, params)), params);
}
