import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { adAudienceWriters } from '../schema/index';

/**
 * The database's one-writer-per-audience guarantee (migration 0502). Claiming is one INSERT … ON CONFLICT DO UPDATE
 * … WHERE: PostgreSQL locks the conflicting row, so of two workers claiming at once exactly one gets a row back.
 * Every function filters on orgId.
 */
export type AudienceWriterClaim =
  | { readonly isClaimed: true }
  | { readonly isClaimed: false; readonly heldBySyncId: string; readonly renewedAt: Date };

export async function claimAudienceWriter(
  db: Db,
  orgId: string,
  input: { writerKey: string; syncId: string; holder: string; now: Date; staleBefore: Date },
): Promise<AudienceWriterClaim> {
  const claimed = await db
    .insert(adAudienceWriters)
    .values({ orgId, writerKey: input.writerKey, syncId: input.syncId, holder: input.holder, claimedAt: input.now, renewedAt: input.now })
    .onConflictDoUpdate({
      target: [adAudienceWriters.orgId, adAudienceWriters.writerKey],
      set: { syncId: input.syncId, holder: input.holder, claimedAt: input.now, renewedAt: input.now },
      // Free when its holder stopped renewing (a dead worker) or when it is ours already.
      setWhere: sql`${adAudienceWriters.renewedAt} < ${input.staleBefore.toISOString()}::timestamptz OR ${adAudienceWriters.holder} = ${input.holder}`,
    })
    .returning({ holder: adAudienceWriters.holder });
  if (claimed.length > 0) return { isClaimed: true };
  const [current] = await db
    .select({ syncId: adAudienceWriters.syncId, renewedAt: adAudienceWriters.renewedAt })
    .from(adAudienceWriters)
    .where(and(eq(adAudienceWriters.orgId, orgId), eq(adAudienceWriters.writerKey, input.writerKey)))
    .limit(1);
  // Released between the two statements: report it as held a moment ago; the caller simply tries again later.
  return { isClaimed: false, heldBySyncId: current?.syncId ?? input.syncId, renewedAt: current?.renewedAt ?? input.now };
}

/** Renews the claim; false when it is no longer ours (another worker took it over after we stopped renewing). */
export async function renewAudienceWriter(db: Db, orgId: string, input: { writerKey: string; holder: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(adAudienceWriters)
    .set({ renewedAt: input.now })
    .where(and(eq(adAudienceWriters.orgId, orgId), eq(adAudienceWriters.writerKey, input.writerKey), eq(adAudienceWriters.holder, input.holder)))
    .returning({ holder: adAudienceWriters.holder });
  return rows.length > 0;
}

export async function releaseAudienceWriter(db: Db, orgId: string, input: { writerKey: string; holder: string }): Promise<void> {
  await db.delete(adAudienceWriters).where(and(eq(adAudienceWriters.orgId, orgId), eq(adAudienceWriters.writerKey, input.writerKey), eq(adAudienceWriters.holder, input.holder)));
}
