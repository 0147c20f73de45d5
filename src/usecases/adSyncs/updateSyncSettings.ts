import { upsertAdSyncSettings } from '../../adapters/db/repositories/adSyncs';
import type { Actor } from '../../domain/permissions/policy';
import { assertSyncPermission, type AdSyncDeps } from './adSyncDeps';

/** The contracted sync limit and the consent declared for Google (admins; the operator sets the limit through it). */
export async function updateSyncSettings(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { contractedSyncLimit: number | null; googleAdUserDataConsent: 'GRANTED' | 'DENIED'; googleAdPersonalizationConsent: 'GRANTED' | 'DENIED' } },
  deps: AdSyncDeps,
) {
  assertSyncPermission(actor, 'integrations.manage', orgId);
  await upsertAdSyncSettings(deps.db, orgId, { ...input, updatedAt: deps.clock.now() });
  return { isSaved: true };
}
