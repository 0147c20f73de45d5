import { and, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { crmSourceCache } from '../schema/segments';

/** A CRM's list views / reports as last read (crm_source_cache, 0950). Every function takes orgId and filters on it. */
export interface CachedCrmSources {
  items: unknown[];
  refreshedAt: Date;
}

export async function findCrmSourceCache(db: Db, orgId: string, provider: string): Promise<CachedCrmSources | undefined> {
  const [row] = await db
    .select({ items: crmSourceCache.items, refreshedAt: crmSourceCache.refreshedAt })
    .from(crmSourceCache)
    .where(and(eq(crmSourceCache.orgId, orgId), eq(crmSourceCache.provider, provider)));
  return row;
}

export async function saveCrmSourceCache(db: Db, orgId: string, provider: string, items: unknown[], now: Date): Promise<void> {
  await db
    .insert(crmSourceCache)
    .values({ orgId, provider, items, refreshedAt: now })
    .onConflictDoUpdate({ target: [crmSourceCache.orgId, crmSourceCache.provider], set: { items, refreshedAt: now } });
}

/** The name of one cached source, or undefined when it is not cached (the CRM does not always name it when read). */
export async function findCachedSourceName(db: Db, orgId: string, provider: string, sourceId: string): Promise<string | undefined> {
  const cached = await findCrmSourceCache(db, orgId, provider);
  for (const item of cached?.items ?? []) {
    if (typeof item === 'object' && item !== null && 'id' in item && 'name' in item && item.id === sourceId && typeof item.name === 'string') return item.name;
  }
  return undefined;
}
