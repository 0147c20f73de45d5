import { countToggledOnSyncs, findAdSync, findAdSyncByTriple, findAdSyncSettings, insertAdSync, lockSyncLimit, resolveAdSyncAlerts, updateAdSync, type AdSyncRow } from '../../adapters/db/repositories/adSyncs';
import { findSegment } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { CHANNEL_NAMES, type AdChannelId } from '../../domain/sync/channels';
import { decideSyncLimit } from '../../domain/sync/syncLimit';
import { isAdChannelError } from '../../ports/adChannel';
import { AD_SYNC_RUN_JOB, assertSyncPermission, channelConnector, requireUser, type AdSyncDeps } from './adSyncDeps';
import { withChannelSession } from './channelSession';
import { applySyncEvent } from './syncAlerts';

/**
 * Creating and toggling syncs. A sync is one (segment, channel, ad account); it runs on the channel login of whoever
 * turned it on last. The contracted limit counts syncs that are toggled on.
 */
async function requireReachableAccount(orgId: string, userId: string, channel: AdChannelId, adAccountId: string, deps: AdSyncDeps) {
  try {
    const accounts = await withChannelSession(orgId, userId, channel, deps, (session) => channelConnector(channel, deps).listAdAccounts(session.ctx));
    const account = accounts.find((candidate) => candidate.id === adAccountId);
    if (!account) {
      throw new AppError('forbidden', `Your ${CHANNEL_NAMES[channel]} login cannot manage audiences in ad account ${adAccountId}. Ask its administrator for access, or choose another ad account.`);
    }
    return account;
  } catch (error) {
    if (isAdChannelError(error)) {
      throw new AppError(error.kind === 'reauth' ? 'forbidden' : 'provider_error', `${CHANNEL_NAMES[channel]}: ${error.message} Connect ${CHANNEL_NAMES[channel]} in Advertising > Overview.`, { syncErrorCode: error.code });
    }
    throw error;
  }
}

export async function syncLimitOf(orgId: string, deps: AdSyncDeps) {
  const settings = await findAdSyncSettings(deps.db, orgId);
  return decideSyncLimit(await countToggledOnSyncs(deps.db, orgId), settings.contractedSyncLimit);
}

export async function createSync(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { segmentId: string; channel: AdChannelId; adAccountId: string } },
  deps: AdSyncDeps,
): Promise<{ sync: AdSyncRow; limitWarning: string | null }> {
  assertSyncPermission(actor, 'sync.create', orgId);
  const userId = requireUser(actor);
  const segment = await findSegment(deps.db, orgId, input.segmentId);
  if (!segment) throw new AppError('not_found', 'The segment was not found.');
  const existing = await findAdSyncByTriple(deps.db, orgId, input);
  if (existing) {
    throw new AppError('conflict', `This segment already syncs to this ${CHANNEL_NAMES[input.channel]} ad account. Open the existing sync instead.`, { existingSyncId: existing.id, link: `/advertising/syncs/${existing.id}` });
  }
  const early = await syncLimitOf(orgId, deps);
  if (early.kind === 'refused') throw new AppError('limit_reached', `${early.title}: ${early.message}`, { usedCount: early.usedCount, limit: early.limit });
  const account = await requireReachableAccount(orgId, userId, input.channel, input.adAccountId, deps);
  const now = deps.clock.now();
  // Counted again and inserted under the org's lock: two Create Sync requests at once cannot both take the last place.
  const { inserted, limit } = await deps.db.transaction(async (tx) => {
    await lockSyncLimit(tx, orgId);
    const locked = decideSyncLimit(await countToggledOnSyncs(tx, orgId), (await findAdSyncSettings(tx, orgId)).contractedSyncLimit);
    await deps.afterSyncLimitCount?.();
    if (locked.kind === 'refused') throw new AppError('limit_reached', `${locked.title}: ${locked.message}`, { usedCount: locked.usedCount, limit: locked.limit });
    const row = await insertAdSync(tx, orgId, {
      segmentId: segment.id,
      channel: input.channel,
      adAccountId: account.id,
      adAccountName: account.name,
      createdBy: userId,
      runsOnUserId: userId,
      status: 'syncing',
      statusChangedAt: now,
      audienceName: `openabm: ${segment.name}`.slice(0, 200),
      createdAt: now,
      updatedAt: now,
    });
    return { inserted: row, limit: locked };
  });
  // Google refuses a second user list of the same name in an account (NAME_ALREADY_USED), e.g. after a segment was
  // deleted and made again: the sync ID (what support asks for) makes the name unique and findable on the channel.
  const audienceName = `openabm: ${segment.name}`.slice(0, 189) + ` · ${inserted.id.slice(0, 8)}`;
  await updateAdSync(deps.db, orgId, inserted.id, { audienceName });
  const sync = { ...inserted, audienceName };
  await deps.jobs?.enqueue(AD_SYNC_RUN_JOB, { orgId, syncId: sync.id, trigger: 'create' }, { singletonKey: `adsync:${sync.id}` });
  return { sync, limitWarning: limit.kind === 'warning' ? `${limit.title}: ${limit.message}` : null };
}

/** Toggle off: the creator or an admin; the audience stays on the channel, stale. Toggle on: moves the sync to your login. */
export async function toggleSync(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { syncId: string; isOn: boolean } },
  deps: AdSyncDeps,
): Promise<AdSyncRow> {
  const sync = await findAdSync(deps.db, orgId, input.syncId);
  if (!sync || actor.orgId !== orgId) throw new AppError('not_found', 'The sync was not found.');
  const now = deps.clock.now();
  if (!input.isOn) {
    assertSyncPermission(actor, 'sync.pause', orgId, { ownerUserId: sync.createdBy ?? undefined });
    if (sync.status === 'inactive') return sync;
    await applySyncEvent(deps.db, sync, 'toggled_off', now);
    await resolveAdSyncAlerts(deps.db, orgId, sync.id, now);
    return (await findAdSync(deps.db, orgId, sync.id)) ?? sync;
  }
  // Toggle on: anyone who may manage syncs and whose own login reaches the ad account.
  assertSyncPermission(actor, 'sync.pause', orgId);
  const userId = requireUser(actor);
  if (sync.status === 'syncing' || sync.status === 'synced') return sync;
  if (sync.status === 'inactive') {
    const limit = await syncLimitOf(orgId, deps);
    if (limit.kind === 'refused') throw new AppError('limit_reached', `${limit.title}: ${limit.message}`, { usedCount: limit.usedCount, limit: limit.limit });
  }
  await requireReachableAccount(orgId, userId, sync.channel as AdChannelId, sync.adAccountId, deps);
  await applySyncEvent(deps.db, sync, 'toggled_on', now, { errorCode: null, errorMessage: null });
  await updateAdSync(deps.db, orgId, sync.id, { runsOnUserId: userId, updatedAt: now });
  await resolveAdSyncAlerts(deps.db, orgId, sync.id, now);
  await deps.jobs?.enqueue(AD_SYNC_RUN_JOB, { orgId, syncId: sync.id, trigger: 'toggle_on' }, { singletonKey: `adsync:${sync.id}` });
  return (await findAdSync(deps.db, orgId, sync.id)) ?? sync;
}
