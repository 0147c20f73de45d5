import { readMemberPayloads } from '../../adapters/db/repositories/adMembers';
import { upsertAdSyncRejections, type AdSyncRow } from '../../adapters/db/repositories/adSyncs';
import { addAdSyncRunProgress, listAdSyncBatches, updateAdSyncBatch, type AdSyncBatchRow, type AdSyncRunRow } from '../../adapters/db/repositories/adSyncRuns';
import { backoffMs } from '../../domain/budget/retryAfter';
import { toMemberSet, packMemberSet, unpackMemberSet } from '../../domain/sync/memberSet';
import { AdChannelError, type AdChannelConnector, type AudienceMember, type BatchRequest } from '../../ports/adChannel';
import type { AdSyncDeps } from './adSyncDeps';
import type { AudienceWriter } from './audienceWriter';
import type { ChannelSession } from './channelSession';

/**
 * Sends the run's journal in order, one batch at a time (one writer per audience: see audienceWriter.ts). Each batch is marked sent before
 * the call and acknowledged after the channel's answer, together with its per-row rejections, so a resumed run
 * skips everything acknowledged. Google batches are acknowledged once their asynchronous request is processed.
 */
export interface BatchSendContext {
  readonly sync: AdSyncRow;
  readonly run: AdSyncRunRow;
  readonly connector: AdChannelConnector;
  readonly session: ChannelSession;
  readonly consent: BatchRequest['consent'];
  /** The run's claim on the audience: checked right before each write. */
  readonly writer: AudienceWriter;
}

const POLL_START_MS = 1_000;

async function waitForRequest(context: BatchSendContext, requestId: string): Promise<string | undefined> {
  const { connector, session } = context;
  if (!connector.readPendingRequest) return undefined;
  let waitedMs = 0;
  for (let attempt = 0; ; attempt += 1) {
    const state = await connector.readPendingRequest(session.ctx, { requestId });
    if (state.state === 'done') return state.failedReason;
    const afterMs = Math.min(backoffMs(attempt, POLL_START_MS), 30_000);
    if (waitedMs + afterMs > session.ctx.maxWaitMs) {
      throw new AdChannelError('retry', 'channel_outage', `${connector.displayName} is still processing the upload; openabm will check again.`, { retryAfterMs: afterMs });
    }
    waitedMs += afterMs;
    await session.ctx.sleep(afterMs);
  }
}

async function membersOf(context: BatchSendContext, batch: AdSyncBatchRow, deps: AdSyncDeps): Promise<AudienceMember[]> {
  const keys = Array.from(unpackMemberSet(batch.memberKeys));
  const payloads = await readMemberPayloads(deps.db, context.sync.orgId, context.sync.channel, keys);
  return keys.flatMap((key): AudienceMember[] => {
    const payload = payloads.get(key)?.payload;
    if (!payload) return [];
    return [context.connector.memberKind === 'company' ? { key, company: payload } : { key, person: { emailSha256: payload.emailSha256, phoneSha256: payload.phoneSha256 } }];
  });
}

export async function sendAdSyncBatches(context: BatchSendContext, deps: AdSyncDeps): Promise<void> {
  const { sync, run, connector, session } = context;
  const batches = await listAdSyncBatches(deps.db, sync.orgId, run.id);
  const remaining = batches.filter((batch) => batch.status !== 'acknowledged');
  // Meta upload sessions: one per operation per attempt (a resumed run starts fresh sessions for what is left).
  const sessionIds = { add: Math.floor(Math.random() * 2 ** 48) + 1, remove: Math.floor(Math.random() * 2 ** 48) + 1 };
  const counters = { add: 0, remove: 0 };
  const totals = { add: remaining.filter((b) => b.operation === 'add').length, remove: remaining.filter((b) => b.operation === 'remove').length };
  const estimated = { add: remaining.filter((b) => b.operation === 'add').reduce((n, b) => n + b.memberCount, 0), remove: remaining.filter((b) => b.operation === 'remove').reduce((n, b) => n + b.memberCount, 0) };
  for (const batch of remaining) {
    const operation = batch.operation === 'remove' ? 'remove' : 'add';
    counters[operation] += 1;
    const callsBefore = session.callCount();
    let requestId = batch.status === 'sent' ? (batch.pendingRequestId ?? undefined) : undefined;
    let accepted = batch.acceptedCount;
    let rejected: Array<{ key: number; code: string; reason: string }> = [];
    if (!requestId) {
      const members = await membersOf(context, batch, deps);
      await context.writer.assertHeld();
      await updateAdSyncBatch(deps.db, sync.orgId, run.id, batch.seq, { status: 'sent', sentAt: deps.clock.now() });
      const outcome = await connector.sendBatch(session.ctx, {
        adAccountId: sync.adAccountId,
        audienceId: sync.audienceId ?? '',
        operation,
        members,
        session: { sessionId: sessionIds[operation], batchSeq: counters[operation], isLastBatch: counters[operation] === totals[operation], estimatedTotal: estimated[operation] },
        consent: context.consent,
      });
      accepted = outcome.acceptedCount;
      rejected = [...outcome.rejected];
      requestId = outcome.pendingRequestId;
      if (requestId) await updateAdSyncBatch(deps.db, sync.orgId, run.id, batch.seq, { pendingRequestId: requestId, acceptedCount: accepted });
    }
    const failedReason = requestId ? await waitForRequest(context, requestId) : undefined;
    if (failedReason) {
      // The whole asynchronous request failed: every member of it is rejected with the channel's reason.
      rejected = Array.from(unpackMemberSet(batch.memberKeys), (key) => ({ key, code: 'REQUEST_FAILED', reason: failedReason }));
      accepted = 0;
    }
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await updateAdSyncBatch(tx, sync.orgId, run.id, batch.seq, {
        status: 'acknowledged',
        acknowledgedAt: now,
        acceptedCount: accepted,
        rejectedMembers: packMemberSet(toMemberSet(rejected.map((row) => row.key))),
      });
      if (rejected.length > 0) {
        const labels = await readMemberPayloads(tx, sync.orgId, sync.channel, rejected.map((row) => row.key));
        await upsertAdSyncRejections(
          tx,
          sync.orgId,
          rejected.map((row) => ({ syncId: sync.id, memberKey: row.key, runId: run.id, label: labels.get(row.key)?.label ?? String(row.key), code: row.code, reason: row.reason, createdAt: now })),
        );
      }
      const done = Math.max(0, operation === 'add' ? accepted : batch.memberCount - rejected.length);
      await addAdSyncRunProgress(tx, sync.orgId, run.id, {
        added: operation === 'add' ? done : 0,
        removed: operation === 'remove' ? done : 0,
        rejected: rejected.length,
        calls: session.callCount() - callsBefore,
      });
    });
  }
}
