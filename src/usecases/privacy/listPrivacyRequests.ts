import { listPrivacyRequestRows } from '../../adapters/db/repositories/privacyRequests';
import type { Actor } from '../../domain/permissions/policy';
import { assertAllowed, type WebTagDeps } from '../webTag/webTagDeps';
import { toPrivacyRequestSummary } from './privacyRequests';

export async function listPrivacyRequests({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: Pick<WebTagDeps, 'db'>) {
  assertAllowed(actor, orgId, 'notifications.manage', 'Only administrators see privacy opt-out requests.');
  return { items: (await listPrivacyRequestRows(deps.db, orgId)).map(toPrivacyRequestSummary) };
}
