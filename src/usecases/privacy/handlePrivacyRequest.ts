import { deletePersonData, lockOpenPrivacyRequest, markPrivacyRequestHandled } from '../../adapters/db/repositories/privacyRequests';
import { scrubAddressFromUploadedLists } from '../../adapters/db/repositories/privacyUploadedLists';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { assertAllowed, type WebTagDeps } from '../webTag/webTagDeps';
import { toPrivacyRequestSummary } from './privacyRequests';

/**
 * Deletes that person's web visits (by visitor id) and contact data (by e-mail: CRM contacts and leads,
 * Conversational Email people, outside notification recipients), removes the e-mail address from uploaded account
 * lists and what segments derived from them (privacyUploadedLists.ts), and records what was deleted, all in one
 * transaction: either everything is gone and the request is handled, or nothing changed.
 */
export async function handlePrivacyRequest({ orgId, actor, requestId }: { orgId: string; actor: Actor | undefined; requestId: string }, deps: Pick<WebTagDeps, 'db' | 'clock'>) {
  assertAllowed(actor, orgId, 'notifications.manage', 'Only administrators handle privacy opt-out requests.');
  const row = await deps.db.transaction(async (tx) => {
    const request = await lockOpenPrivacyRequest(tx, orgId, requestId);
    if (!request) throw new AppError('not_found', 'This privacy request does not exist.');
    if (request.handled_at !== null) throw new AppError('conflict', 'This privacy request has already been handled.');
    const summary = await deletePersonData(tx, orgId, { email: request.email, visitorId: request.visitor_id });
    if (request.email) Object.assign(summary, await scrubAddressFromUploadedLists(tx, orgId, request.email));
    return markPrivacyRequestHandled(tx, orgId, requestId, { handledAt: deps.clock.now(), handledBy: actor?.userId ?? null, summary });
  });
  return { request: toPrivacyRequestSummary(row) };
}
