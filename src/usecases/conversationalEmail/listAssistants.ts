import { listAssistantRows, type CeAssistantRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';
import { assistantSentToday } from './sendDueEmails';

/** An assistant as the pages show it, with what it sent today (its own day, in its time zone) against its cap. */
export async function assistantView(orgId: string, row: CeAssistantRow, deps: Pick<CeDeps, 'db' | 'clock'>) {
  const sentToday = await assistantSentToday(orgId, row, deps);
  return { id: row.id, name: row.name, email: row.email, signature: row.signature, dailySendCap: row.dailySendCap, handoffRepEmail: row.handoffRepEmail, timeZone: row.timeZone, sentToday };
}

export async function listAssistants({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: Pick<CeDeps, 'db' | 'clock'>) {
  assertCeCan(actor, 'view', orgId);
  const rows = await listAssistantRows(deps.db, orgId);
  return { items: await Promise.all(rows.map((row) => assistantView(orgId, row, deps))) };
}
