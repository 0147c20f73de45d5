import { findCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { findCrmSourceCache, saveCrmSourceCache } from '../../adapters/db/segments/crmSourceCacheRepo';
import { crmSourceSummary } from '../../contracts/integrations';
import { AppError } from '../../domain/appError';
import { CRM_MESSAGES } from '../../domain/crmSources/messages';
import type { Actor } from '../../domain/permissions/policy';
import type { CrmProvider } from '../../ports/crmConnector';
import { listCrmSources } from '../integrations/listCrmSources';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

/** The job that reads a CRM's sources into the cache (apps/worker/jobs/segments/refreshCrmSources.ts). */
export const REFRESH_CRM_SOURCES_JOB = 'segments.crmSources.refresh';

/** Older than this, or older than the CRM's last data sync, the cached list is served and re-read in the background. */
export const CRM_SOURCE_CACHE_MAX_AGE_MS = 15 * 60_000;

export function crmSourcesSingletonKey(orgId: string, provider: CrmProvider): string {
  return `crm-sources:${orgId}:${provider}`;
}

const cachedItems = crmSourceSummary.array();

/**
 * The CRM's list views and reports for the Create a Segment page, from the cache: reading them from the CRM takes
 * one or two seconds (a describe per source), so the page never waits for it except on the very first read.
 */
export async function listSegmentCrmSources({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { provider: CrmProvider } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  const connection = await findCrmConnection(deps.db, orgId, input.provider);
  if (!connection) throw new AppError('validation_failed', CRM_MESSAGES.noValidCredentials);
  const cached = await findCrmSourceCache(deps.db, orgId, input.provider);
  const parsed = cached ? cachedItems.safeParse(cached.items) : undefined;
  if (!cached || !parsed?.success) {
    const items = await refreshCrmSourceCache({ orgId, input }, deps);
    return { items, refreshedAt: deps.clock.now().toISOString(), isRefreshing: false };
  }
  const now = deps.clock.now();
  const isStale = now.getTime() - cached.refreshedAt.getTime() > CRM_SOURCE_CACHE_MAX_AGE_MS || (connection.lastSyncAt !== null && connection.lastSyncAt > cached.refreshedAt);
  const isRefreshing = isStale && deps.jobs !== undefined;
  if (isRefreshing) await deps.jobs?.enqueue(REFRESH_CRM_SOURCES_JOB, { orgId, provider: input.provider }, { singletonKey: crmSourcesSingletonKey(orgId, input.provider) });
  return { items: parsed.data, refreshedAt: cached.refreshedAt.toISOString(), isRefreshing };
}

/** Reads the sources from the CRM (as the system: the caller's permission was checked) and stores them. */
export async function refreshCrmSourceCache({ orgId, input }: { orgId: string; input: { provider: CrmProvider } }, deps: SegmentDeps) {
  const { items } = await listCrmSources({ orgId, actor: undefined, input }, deps);
  await saveCrmSourceCache(deps.db, orgId, input.provider, items, deps.clock.now());
  return items;
}
