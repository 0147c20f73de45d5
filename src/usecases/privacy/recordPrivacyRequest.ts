import { insertPrivacyRequest } from '../../adapters/db/repositories/privacyRequests';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { assertAllowed, type WebTagDeps } from '../webTag/webTagDeps';
import { toPrivacyRequestSummary } from './privacyRequests';

export async function recordPrivacyRequest(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { email?: string | undefined; visitorId?: string | undefined; receivedAt?: string | undefined } },
  deps: Pick<WebTagDeps, 'db' | 'clock'>,
) {
  assertAllowed(actor, orgId, 'notifications.manage', 'Only administrators record privacy opt-out requests.');
  if (!input.email && !input.visitorId) throw new AppError('validation_failed', 'Give the person’s e-mail address or web visitor id.');
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : deps.clock.now();
  const row = await insertPrivacyRequest(deps.db, orgId, { email: input.email ?? null, visitorId: input.visitorId ?? null, receivedAt });
  return { request: toPrivacyRequestSummary(row) };
}
