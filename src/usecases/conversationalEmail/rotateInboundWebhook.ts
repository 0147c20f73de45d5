import { createHash, randomBytes } from 'node:crypto';
import { updateCeSettings } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';

export function hashInboundToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new secret webhook URL for the mail provider's inbound parse; only its sha256 is stored, so it is shown once. */
export async function rotateInboundWebhook({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: Pick<CeDeps, 'db' | 'config' | 'clock'>): Promise<{ url: string }> {
  assertCeCan(actor, 'integrations.manage', orgId);
  const token = randomBytes(24).toString('base64url');
  await updateCeSettings(deps.db, orgId, { inboundTokenHash: hashInboundToken(token), updatedAt: deps.clock.now() });
  return { url: `${deps.config.publicUrl.replace(/\/+$/, '')}/api/ce/inbound/${token}` };
}
