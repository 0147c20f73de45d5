import { findAdSync, findAdSyncSettings, resolveAdSyncAlerts, updateAdSync, userNames, type AdSyncRow } from '../../adapters/db/repositories/adSyncs';
import { findRunningAdSyncRun, listAdSyncBatches, updateAdSyncRun, type AdSyncRunRow } from '../../adapters/db/repositories/adSyncRuns';
import { MINIMUM_AUDIENCE_SIZE, type AdChannelId } from '../../domain/sync/channels';
import type { SyncErrorCode } from '../../domain/sync/errorCatalogue';
import { difference, EMPTY_MEMBER_SET, packMemberSet, toMemberSet, union, unpackMemberSet } from '../../domain/sync/memberSet';
import { isAdChannelError, type BatchRequest } from '../../ports/adChannel';
import { AD_SYNC_RUN_JOB, channelConnector, type AdSyncDeps } from './adSyncDeps';
import { markConnectionReauth, openChannelSession, type ChannelSession } from './channelSession';
import { planAdSyncRun, type AdSyncTrigger } from './planAdSyncRun';
import { sendAdSyncBatches } from './sendAdSyncBatches';
import { applySyncEvent, raiseSyncAlert } from './syncAlerts';
import { claimWriter, type AudienceWriter } from './audienceWriter';

/**
 * One sync run (job `adSyncs.run`): resume the running run or plan a new one, make sure the audience exists (recreate
 * it when it was deleted on the channel, and say so), send the journal, then record what the channel acknowledged.
 * Rate limits and outages leave the run open and reschedule it; a refused login or permission fails the sync with
 * an alert to the user it runs on (and the admins).
 */
export type AdSyncRunOutcome =
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'succeeded'; readonly runId: string }
  | { readonly kind: 'waiting'; readonly runId: string; readonly retryAfterMs: number }
  | { readonly kind: 'failed'; readonly runId: string | undefined; readonly code: SyncErrorCode };

const DAY_MS = 24 * 3600_000;

async function fail(sync: AdSyncRow, run: AdSyncRunRow | undefined, code: SyncErrorCode, message: string, deps: AdSyncDeps): Promise<AdSyncRunOutcome> {
  const now = deps.clock.now();
  if (run) await updateAdSyncRun(deps.db, sync.orgId, run.id, { status: 'failed', errorCode: code, errorMessage: message, finishedAt: now });
  await applySyncEvent(deps.db, sync, 'run_failed', now, { errorCode: code, errorMessage: message });
  await raiseSyncAlert(deps.db, sync, code, message, now);
  return { kind: 'failed', runId: run?.id, code };
}

/** Creates the audience when the sync has none, or recreates it when the channel deleted it (acknowledged set reset). */
async function ensureAudience(sync: AdSyncRow, session: ChannelSession, writer: AudienceWriter, deps: AdSyncDeps): Promise<AdSyncRow> {
  const connector = channelConnector(sync.channel as AdChannelId, deps);
  const now = deps.clock.now();
  if (sync.audienceId) {
    const state = await connector.readAudience(session.ctx, { adAccountId: sync.adAccountId, audienceId: sync.audienceId });
    if (state) {
      await updateAdSync(deps.db, sync.orgId, sync.id, { channelStatus: state.channelStatus ?? null, matchedCount: state.matchedCount ?? null });
      return sync;
    }
    await raiseSyncAlert(deps.db, sync, 'audience_deleted', `The audience ${sync.audienceId} no longer exists on ${connector.displayName}.`, now);
  }
  await writer.assertHeld();
  const created = await connector.createAudience(session.ctx, {
    adAccountId: sync.adAccountId,
    name: sync.audienceName,
    description: `openabm segment sync ${sync.id}`,
    // A recreated audience gets a new source id: LinkedIn's find-by-source must not return the deleted one.
    sourceId: sync.audienceId ? `${sync.id}-${now.getTime()}` : sync.id,
  });
  const patch = { audienceId: created.audienceId, ackedMembers: packMemberSet(EMPTY_MEMBER_SET), failedMembers: packMemberSet(EMPTY_MEMBER_SET), ackedCount: 0, channelStatus: null, matchedCount: null, updatedAt: now };
  await updateAdSync(deps.db, sync.orgId, sync.id, patch);
  return { ...sync, ...patch };
}

async function finishRun(sync: AdSyncRow, run: AdSyncRunRow, session: ChannelSession, deps: AdSyncDeps): Promise<void> {
  const batches = await listAdSyncBatches(deps.db, sync.orgId, run.id);
  const rejected = toMemberSet(batches.flatMap((batch) => Array.from(unpackMemberSet(batch.rejectedMembers))));
  const added = difference(toMemberSet(batches.filter((b) => b.operation === 'add').flatMap((b) => Array.from(unpackMemberSet(b.memberKeys)))), rejected);
  const removed = difference(toMemberSet(batches.filter((b) => b.operation === 'remove').flatMap((b) => Array.from(unpackMemberSet(b.memberKeys)))), rejected);
  const acked = difference(union(unpackMemberSet(sync.ackedMembers), added), removed);
  const failed = toMemberSet(batches.filter((b) => b.operation === 'add').flatMap((b) => Array.from(unpackMemberSet(b.rejectedMembers))));
  const connector = channelConnector(sync.channel as AdChannelId, deps);
  const state = sync.audienceId ? await connector.readAudience(session.ctx, { adAccountId: sync.adAccountId, audienceId: sync.audienceId }) : undefined;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await updateAdSyncRun(tx, sync.orgId, run.id, { status: 'succeeded', finishedAt: now });
    await updateAdSync(tx, sync.orgId, sync.id, {
      ackedMembers: packMemberSet(acked),
      failedMembers: packMemberSet(failed),
      ackedCount: acked.length,
      lastSyncedAt: now,
      nextRunAt: new Date(now.getTime() + DAY_MS),
      channelStatus: state?.channelStatus ?? null,
      matchedCount: state?.matchedCount ?? null,
      errorCode: null,
      errorMessage: null,
    });
    await resolveAdSyncAlerts(tx, sync.orgId, sync.id, now);
    await applySyncEvent(tx, { ...sync, status: 'syncing' }, 'run_succeeded', now);
    const minimum = MINIMUM_AUDIENCE_SIZE[sync.channel as AdChannelId];
    const size = state?.matchedCount ?? acked.length;
    if (acked.length === 0 && connector.memberKind === 'person') await raiseSyncAlert(tx, sync, 'no_people', null, now);
    else if (removed.length > 0 && size < minimum) await raiseSyncAlert(tx, sync, 'removal_below_minimum', `${removed.length} removed; ${size} left.`, now);
    else if (size < minimum) await raiseSyncAlert(tx, sync, 'audience_too_small', `${size} matched.`, now);
    if (run.rejectedCount > 0 || rejected.length > 0) await raiseSyncAlert(tx, sync, 'rows_rejected', `${run.rejectedCount + rejected.length} rejected.`, now);
  });
}

export async function runAdSync({ orgId, syncId, trigger }: { orgId: string; syncId: string; trigger: AdSyncTrigger }, deps: AdSyncDeps): Promise<AdSyncRunOutcome> {
  let sync = await findAdSync(deps.db, orgId, syncId);
  if (!sync) return { kind: 'skipped', reason: 'the sync no longer exists' };
  if (sync.status !== 'syncing' && sync.status !== 'synced') return { kind: 'skipped', reason: `the sync is ${sync.status}` };
  const channel = sync.channel as AdChannelId;
  let run = await findRunningAdSyncRun(deps.db, orgId, syncId);
  const owner = sync.runsOnUserId ? (await userNames(deps.db, orgId, [sync.runsOnUserId])).get(sync.runsOnUserId) : undefined;
  if (!sync.runsOnUserId || !owner?.isActive) return fail(sync, run, 'owner_deactivated', 'The user this sync runs on is no longer active.', deps);
  const settings = await findAdSyncSettings(deps.db, orgId);
  const consent: BatchRequest['consent'] = { adUserData: settings.googleAdUserDataConsent === 'GRANTED' ? 'GRANTED' : 'DENIED', adPersonalization: settings.googleAdPersonalizationConsent === 'GRANTED' ? 'GRANTED' : 'DENIED' };
  if (channel === 'google' && (consent.adUserData !== 'GRANTED' || consent.adPersonalization !== 'GRANTED')) {
    return fail(sync, run, 'consent_not_granted', 'Consent for Google has not been declared for this organisation.', deps);
  }
  // One writer per audience (Google: per ad account), held in the database: another run holds it → look again later.
  const claim = await claimWriter(sync, deps);
  if (!claim.isClaimed) {
    await reschedule({ orgId, syncId, trigger }, claim.retryAfterMs, deps);
    return { kind: 'waiting', runId: run?.id ?? '', retryAfterMs: claim.retryAfterMs };
  }
  const { writer } = claim;
  await applySyncEvent(deps.db, sync, 'run_started', deps.clock.now());
  let session: ChannelSession | undefined;
  try {
    session = await openChannelSession(orgId, sync.runsOnUserId, channel, deps);
    for (let attempt = 0; ; attempt += 1) {
      const before = sync.audienceId;
      sync = await ensureAudience(sync, session, writer, deps);
      if (run && before !== sync.audienceId) {
        // The audience was recreated: the open run's plan was against the old one; plan again from nothing.
        await updateAdSyncRun(deps.db, orgId, run.id, { status: 'failed', errorCode: 'audience_deleted', errorMessage: 'The audience was deleted on the channel and recreated.', finishedAt: deps.clock.now() });
        run = undefined;
      }
      run ??= await planAdSyncRun(sync, trigger, deps);
      try {
        await sendAdSyncBatches({ sync, run, connector: channelConnector(channel, deps), session, consent, writer }, deps);
        break;
      } catch (error) {
        if (!isAdChannelError(error) || error.kind !== 'audience_missing' || attempt > 0) throw error;
        sync = { ...sync }; // loop: ensureAudience sees the audience gone and recreates it
      }
    }
    await finishRun(sync, run, session, deps);
    return { kind: 'succeeded', runId: run.id };
  } catch (error) {
    if (!isAdChannelError(error)) throw error; // a bug or a crash: the job retries and resumes from the journal
    if (error.kind === 'retry') {
      const retryAfterMs = Math.max(error.extra.retryAfterMs ?? 60_000, 1_000);
      if (run) await updateAdSyncRun(deps.db, orgId, run.id, { note: `Waiting: ${error.message}` });
      await reschedule({ orgId, syncId, trigger }, retryAfterMs, deps);
      return { kind: 'waiting', runId: run?.id ?? '', retryAfterMs };
    }
    // reauth, permanent, or an audience that vanished twice in one run: the sync stops until someone acts.
    if (error.kind === 'reauth' && session) await markConnectionReauth(deps, session.connection, error.message);
    const code: SyncErrorCode = error.kind === 'audience_missing' ? 'audience_deleted' : error.code;
    return fail(sync, run, code, error.message, deps);
  } finally {
    await writer.release();
  }
}

async function reschedule(payload: { orgId: string; syncId: string; trigger: AdSyncTrigger }, afterMs: number, deps: AdSyncDeps): Promise<void> {
  await deps.jobs?.enqueue(AD_SYNC_RUN_JOB, payload, { startAfter: new Date(deps.clock.now().getTime() + afterMs), singletonKey: `adsync:${payload.syncId}:resume` });
}
