import { randomUUID } from 'node:crypto';
import { claimAudienceWriter, releaseAudienceWriter, renewAudienceWriter } from '../../adapters/db/repositories/adAudienceWriters';
import type { AdSyncRow } from '../../adapters/db/repositories/adSyncs';
import { CHANNEL_NAMES, type AdChannelId } from '../../domain/sync/channels';
import { AdChannelError } from '../../ports/adChannel';
import type { AdSyncDeps } from './adSyncDeps';

/**
 * One writer per audience, guaranteed by the database rather than by job singleton keys alone: a run claims its
 * writer row (migration 0502) before it creates or changes the audience, renews it while it runs, checks it is still
 * its own right before every write, and releases it at the end. A worker that dies stops renewing; after
 * WRITER_STALE_MS another may take over (and resume the journal).
 */
export const WRITER_STALE_MS = 2 * 60_000;
const WRITER_RENEW_MS = 20_000;

/**
 * Google: one writer per ad account (Google answers CONCURRENT_MODIFICATION to parallel writes to a user list, and
 * per-account operations quotas make parallel writers pointless); LinkedIn and Meta: one per sync (its audience).
 */
export function audienceWriterKey(sync: Pick<AdSyncRow, 'id' | 'channel' | 'adAccountId'>): string {
  return sync.channel === 'google' ? `google:${sync.adAccountId}` : `sync:${sync.id}`;
}

export interface AudienceWriter {
  /** Throws a 'retry' channel error (the job reschedules) when the claim is no longer ours; call before each write. */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

export type WriterClaimOutcome =
  | { readonly isClaimed: true; readonly writer: AudienceWriter }
  | { readonly isClaimed: false; readonly heldBySyncId: string; readonly retryAfterMs: number };

export async function claimWriter(sync: AdSyncRow, deps: Pick<AdSyncDeps, 'db' | 'clock'>): Promise<WriterClaimOutcome> {
  const writerKey = audienceWriterKey(sync);
  const holder = randomUUID();
  const now = deps.clock.now();
  const claim = await claimAudienceWriter(deps.db, sync.orgId, { writerKey, syncId: sync.id, holder, now, staleBefore: new Date(now.getTime() - WRITER_STALE_MS) });
  if (!claim.isClaimed) {
    // Look again when a dead holder's claim goes stale, and at least every minute for a live one.
    const retryAfterMs = Math.min(60_000, Math.max(5_000, claim.renewedAt.getTime() + WRITER_STALE_MS - now.getTime()));
    return { isClaimed: false, heldBySyncId: claim.heldBySyncId, retryAfterMs };
  }
  let isLost = false;
  const renew = async (): Promise<boolean> => {
    if (isLost) return false;
    isLost = !(await renewAudienceWriter(deps.db, sync.orgId, { writerKey, holder, now: deps.clock.now() }));
    return !isLost;
  };
  const heartbeat = setInterval(() => void renew().catch(() => undefined), WRITER_RENEW_MS);
  heartbeat.unref();
  return {
    isClaimed: true,
    writer: {
      async assertHeld() {
        if (await renew()) return;
        throw new AdChannelError('retry', 'channel_outage', `Another openabm worker took over writing to this ${CHANNEL_NAMES[sync.channel as AdChannelId]} audience; this run stops and resumes later.`, {
          retryAfterMs: WRITER_STALE_MS,
        });
      },
      async release() {
        clearInterval(heartbeat);
        await releaseAudienceWriter(deps.db, sync.orgId, { writerKey, holder });
      },
    },
  };
}
