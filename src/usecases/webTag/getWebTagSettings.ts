import { countIpRanges, getOrCreateTagKey, readTagTotals, visitsPerDay } from '../../adapters/db/repositories/webVisits';
import { tagSnippetFor } from '../../domain/webTag/snippet';
import type { WebTagDeps } from './webTagDeps';

const DAY_MS = 86_400_000;

/** Settings > Web tag: the snippet (the key is created on first view) and the tag's health. */
export async function getWebTagSettings({ orgId }: { orgId: string }, deps: WebTagDeps) {
  const tagKey = await getOrCreateTagKey(deps.db, orgId);
  const now = deps.clock.now();
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = new Date(todayStart - 29 * DAY_MS);
  const counted = new Map((await visitsPerDay(deps.db, orgId, firstDay)).map((row) => [row.day, row.visits]));
  const last30Days = Array.from({ length: 30 }, (_, index) => {
    const day = new Date(firstDay.getTime() + index * DAY_MS).toISOString().slice(0, 10);
    return { day, visits: counted.get(day) ?? 0 };
  });
  const week = await readTagTotals(deps.db, orgId, new Date(now.getTime() - 7 * DAY_MS));
  return {
    tagKey,
    snippet: tagSnippetFor(deps.config.publicUrl, tagKey),
    health: {
      pagesSeenLast7Days: week.pagesSeen,
      visitsLast7Days: week.visits,
      visitsPerDayLast7Days: Math.round((week.visits / 7) * 10) / 10,
      lastVisitAt: week.lastVisitAt?.toISOString() ?? null,
      last30Days,
    },
    ipRangeCount: await countIpRanges(deps.db, orgId),
  };
}
