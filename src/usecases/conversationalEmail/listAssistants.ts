import { listAssistantRows } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';

export async function listAssistants({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: Pick<CeDeps, 'db'>) {
  assertCeCan(actor, 'view', orgId);
  const rows = await listAssistantRows(deps.db, orgId);
  return { items: rows.map((row) => ({ id: row.id, name: row.name, email: row.email, signature: row.signature, dailySendCap: row.dailySendCap, handoffRepEmail: row.handoffRepEmail })) };
}
