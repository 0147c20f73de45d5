import { insertRefresh, insertSegmentEvent } from '../../adapters/db/segments/membershipRepo';
import { refreshPlannerStatistics } from '../../adapters/db/repositories/plannerStatistics';
import { claimSegmentForRefresh, findSegment, updateSegment } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import { filterNode } from '../../domain/segments/filterTree';
import { decideRefresh, nextRefreshAfter, type RefreshAttempt, type SegmentStatus } from '../../domain/segments/refreshDecision';
import { sourceOfStored } from '../../domain/segments/segmentSource';
import { buildMembership } from './buildMembership';
import { refreshReferencedSources } from './refreshReferencedSources';
import type { SegmentDeps } from './segmentDeps';
import { storeMembership, type RefreshTrigger, type StoredRefresh } from './storeMembership';

export type RefreshOutcome =
  | { kind: 'refreshed'; refresh: StoredRefresh }
  | { kind: 'kept_last_good'; message: string }
  | { kind: 'busy' }
  | { kind: 'not_found' };

/** A refresh that failed for a passing reason (429, 5xx, timeout): the job queue retries it. */
export class TransientRefreshError extends Error {
  override readonly name = 'TransientRefreshError';
}

/**
 * Re-reads the source, re-matches, re-applies the filters, stores the new membership with its diff. When the source
 * now breaks a rule the last good membership stays, the segment shows the specification's error and an event is
 * recorded for the notifications module (domain/segments/refreshDecision.ts). Idempotent per run: a segment already
 * refreshing is left alone.
 */
export async function refreshSegment(
  {
    orgId,
    segmentId,
    trigger,
    reuseStoredRows = false,
    claimKey,
    triggeredBy = null,
    note = null,
  }: {
    orgId: string;
    segmentId: string;
    trigger: RefreshTrigger;
    reuseStoredRows?: boolean;
    /** The job's id: when its worker died mid-refresh, the retry of the same job takes the segment over. */
    claimKey?: string;
    /** The user behind a hand fix, and what it did (kept in the refresh history). */
    triggeredBy?: string | null;
    note?: string | null;
  },
  deps: SegmentDeps,
): Promise<RefreshOutcome> {
  const segment = await findSegment(deps.db, orgId, segmentId);
  if (!segment) return { kind: 'not_found' };
  const startedAt = deps.clock.now();
  const claim = await claimSegmentForRefresh(deps.db, orgId, segmentId, startedAt, claimKey ?? null);
  if (!claim) return { kind: 'busy' };
  const previous = { status: claim.previousStatus as SegmentStatus, statusMessage: claim.previousMessage };
  const release = () => updateSegment(deps.db, orgId, segmentId, { status: previous.status, statusMessage: previous.statusMessage });
  try {
    const source = sourceOfStored(segment.sourceType, segment.sourceConfig);
    if (!source) throw new AppError('validation_failed', 'The segment’s source settings are damaged; create the segment again.');
    const filter = segment.filter === null ? null : filterNode.parse(segment.filter);
    if (!reuseStoredRows) await refreshReferencedSources(orgId, filter, deps, { onlyMissing: false });
    const built = await buildMembership(orgId, { id: segmentId, source, filter, matchBatchId: segment.matchBatchId }, deps, { reuseStoredRows });
    const decision = decideRefresh(previous, { kind: 'succeeded' });
    const refresh = await storeMembership(deps.db, orgId, segmentId, built, {
      trigger,
      triggeredBy,
      note,
      startedAt,
      now: deps.clock.now(),
      wasInError: decision.event?.kind === 'refresh_recovered',
      extraSegmentPatch: built.kind === 'rows' && Object.keys(built.learnt).length > 0 ? { sourceConfig: { ...segment.sourceConfig, ...built.learnt } } : {},
    });
    await refreshPlannerStatistics(deps.db, 'segmentMembers');
    return { kind: 'refreshed', refresh };
  } catch (error) {
    const attempt = classify(error);
    if (!attempt) {
      await release();
      throw error;
    }
    const decision = decideRefresh(previous, attempt);
    if (decision.isRetried) {
      await release();
      throw new TransientRefreshError(attempt.message, { cause: error });
    }
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await updateSegment(tx, orgId, segmentId, {
        status: decision.status ?? previous.status,
        statusMessage: decision.statusMessage ?? null,
        lastAttemptedAt: now,
        nextRefreshAt: nextRefreshAfter(now),
        updatedAt: now,
      });
      await insertRefresh(tx, { orgId, segmentId, trigger, status: 'failed', errorMessage: attempt.message, startedAt, finishedAt: now, memberCount: segment.memberCount });
      if (decision.event?.kind === 'refresh_failed') await insertSegmentEvent(tx, { orgId, segmentId, kind: 'refresh_failed', message: decision.event.message, createdAt: now });
    });
    return { kind: 'kept_last_good', message: attempt.message };
  }
}

/** Expected failures become attempts; bugs (plain errors) return undefined and are rethrown. */
function classify(error: unknown): Exclude<RefreshAttempt, { kind: 'succeeded' }> | undefined {
  if (!(error instanceof AppError)) return undefined;
  const details = error.details as { crmErrorKind?: unknown } | undefined;
  if (details?.crmErrorKind === 'retry' || error.code === 'rate_limited') return { kind: 'transient', message: error.message };
  return { kind: 'source_broken', message: error.message };
}
