import { listRecentMatchRates, listSegmentSizes, listStandingFailures, readOnboardingFacts, type FailureRow } from '../../adapters/db/repositories/homeSummary';
import { toIso } from '../../adapters/db/segments/rows';
import { FRESHNESS_BUCKETS, FRESHNESS_LABELS, type HomeFailureView, type HomeSummary } from '../../contracts/home';
import { AppError } from '../../domain/appError';
import { freshnessOf, matchRatePercent } from '../../domain/home/freshness';
import { PROVIDER_NAMES } from '../../domain/notifications/render';
import { can, type Actor } from '../../domain/permissions/policy';
import type { SegmentStatus } from '../../domain/segments/refreshDecision';
import type { UseCaseDeps } from '../deps';

const LARGEST_SEGMENTS = 8;
const MATCH_RATE_REFRESHES = 20;
const FAILURES_SHOWN = 10;

/** The home page of an organisation; every role may read it. */
export async function getHomeSummary({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: Pick<UseCaseDeps, 'db' | 'clock'>): Promise<HomeSummary> {
  if (actor && (actor.orgId !== orgId || !can(actor, 'view'))) throw new AppError('forbidden', 'Your role does not allow reading the home page.');
  const now = deps.clock.now();
  const [checklist, sizes, rates, failures] = await Promise.all([
    readOnboardingFacts(deps.db, orgId),
    listSegmentSizes(deps.db, orgId),
    listRecentMatchRates(deps.db, orgId, MATCH_RATE_REFRESHES),
    listStandingFailures(deps.db, orgId, FAILURES_SHOWN),
  ]);
  const segments = sizes.map((row) => {
    const lastRefreshedAt = row.last_refreshed_at === null ? null : new Date(row.last_refreshed_at);
    return {
      id: row.id,
      name: row.name,
      memberCount: row.member_count,
      status: row.status as SegmentStatus,
      lastRefreshedAt: toIso(lastRefreshedAt),
      freshness: freshnessOf(lastRefreshedAt, now),
    };
  });
  return {
    checklist,
    segmentCount: segments.length,
    freshness: FRESHNESS_BUCKETS.map((bucket) => ({ bucket, label: FRESHNESS_LABELS[bucket], segmentCount: segments.filter((segment) => segment.freshness === bucket).length })),
    largestSegments: segments.slice(0, LARGEST_SEGMENTS),
    matchRates: rates.reverse().map((row) => ({
      refreshId: row.refresh_id,
      segmentId: row.segment_id,
      segmentName: row.segment_name,
      finishedAt: toIso(row.finished_at) ?? '',
      recordsRead: row.records_read,
      matched: row.matched_count,
      matchRatePercent: matchRatePercent(row.matched_count, row.records_read) ?? 0,
    })),
    failures: failures.map(toFailureView),
  };
}

function toFailureView(row: FailureRow): HomeFailureView {
  const occurredAt = toIso(row.occurred_at) ?? '';
  switch (row.kind) {
    case 'crm_sync':
      return { kind: row.kind, title: `${PROVIDER_NAMES[row.subject] ?? row.subject} data sync failed`, message: row.message ?? 'The last data sync did not finish.', occurredAt, link: '/settings/integrations' };
    case 'segment_refresh':
      return { kind: row.kind, title: `Segment “${row.subject}” stopped updating`, message: row.message ?? 'The last refresh failed.', occurredAt, link: `/segments/${row.subject_id}` };
    case 'ad_sync':
      return {
        kind: row.kind,
        title: `${PROVIDER_NAMES[row.channel ?? ''] ?? row.channel ?? 'Ad'} sync of “${row.subject}” failed`,
        message: row.message ?? 'The last sync run failed.',
        occurredAt,
        link: `/advertising/segment-syncs/${row.subject_id}`,
      };
    case 'enrichment':
      return { kind: row.kind, title: `Segment Name Enrichment “${row.subject}” failed`, message: row.message ?? 'The last run failed.', occurredAt, link: '/settings/orchestrations' };
  }
}
