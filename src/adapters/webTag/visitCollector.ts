import type { Logger } from 'pino';
import type { Db } from '../db/database';
import { copyVisitLines, findOrgIdByTagKey, insertVisitBatch, listIpRanges, visitCopyLine, writesVisitsByCopy, type VisitRow } from '../db/repositories/webVisits';
import { findRange, indexRanges, ipToBigInt, type IpRange } from '../../domain/webTag/ipRanges';
import type { VisitBeacon } from '../../domain/webTag/parseVisit';
import { VisitCopyChunks } from './visitCopyChunks';

export interface VisitCollectorOptions {
  readonly db: Db;
  readonly logger: Logger;
  /** Visits waiting for insertion; beyond this the endpoint answers 503 instead of growing without bound. */
  readonly maxQueued?: number;
  /** Visits per statement (COPY on PostgreSQL, INSERT on PGlite): by default 2,000 and 200 (see `yieldBetweenBatches`). */
  readonly batchSize?: number;
  readonly flushIntervalMs?: number;
  /**
   * Let the event loop answer waiting beacons between two statements of one flush. For PGlite, which runs a
   * statement in the server's own thread: a 2,000-visit INSERT held every beacon for 60-400 ms there, a 200-visit
   * one for 10-30 ms. PostgreSQL works in its own process, so the thread is free while a statement runs.
   */
  readonly yieldBetweenBatches?: boolean;
  /** Bytes of a chunk of queued COPY lines (PostgreSQL; `VisitCopyChunks`): for tests. */
  readonly copyChunkBytes?: number;
}

export type AcceptOutcome = 'accepted' | 'unknown_key' | 'queue_full';

interface CachedKey {
  readonly orgId: string | undefined;
  readonly expiresAt: number;
}

const KEY_TTL_MS = 60_000;
const RANGES_TTL_MS = 60_000;
/** Addresses remembered per org between two reads of its ranges (a visitor sends many beacons from one address). */
const MAX_REMEMBERED_ADDRESSES = 20_000;

interface CachedRanges {
  readonly ranges: IpRange[];
  readonly expiresAt: number;
  /** Address text → the range holding it (null: none), for this copy of the ranges only. */
  readonly byAddress: Map<string, IpRange | null>;
}

/**
 * The web tag's collection path: checks the tag key (cached), resolves the visitor's IPv4 or IPv6 address through the
 * org's IP-range file (cached), and queues the visit in memory; a timer (every `flushIntervalMs`, 50 ms by default,
 * or sooner when a batch fills) writes the queue in batches of one statement each. With both caches warm, `accept` is
 * synchronous: no promise, no database call per visit. Bounded: when the queue holds `maxQueued` visits the caller
 * answers 503 and the tag's beacon is lost rather than the server's memory.
 *
 * On PostgreSQL a visit is queued as its COPY line, encoded at once outside V8's heap (`VisitCopyChunks`), so the
 * beacon's strings die young; on PGlite (INSERT statements) as a row object.
 *
 * What can be lost: on a graceful stop nothing — `close()` (the server's onClose) writes what is queued, retrying;
 * on a crash (kill -9, out of memory, power) the visits still queued, i.e. those accepted within the last flush
 * interval plus any batch the database was refusing at that moment. A 204 therefore means "queued", not "stored".
 */
export class VisitCollector {
  /** PGlite: rows. */
  private readonly queue: VisitRow[] = [];
  /** PostgreSQL: COPY lines. */
  private readonly lines: VisitCopyChunks | undefined;
  private readonly keys = new Map<string, CachedKey>();
  private readonly pendingKeys = new Map<string, Promise<string | undefined>>();
  private readonly ranges = new Map<string, CachedRanges>();
  private readonly maxQueued: number;
  private readonly batchSize: number;
  private readonly yieldBetweenBatches: boolean;
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> | undefined;
  readonly counts = { accepted: 0, stored: 0, refusedFull: 0, unknownKey: 0, failedBatches: 0 };

  constructor(private readonly options: VisitCollectorOptions) {
    this.maxQueued = options.maxQueued ?? 200_000;
    this.yieldBetweenBatches = options.yieldBetweenBatches ?? false;
    this.batchSize = options.batchSize ?? (this.yieldBetweenBatches ? 200 : 2_000);
    if (!Number.isInteger(this.maxQueued) || this.maxQueued < 1) throw new Error(`maxQueued must be a positive integer, not ${this.maxQueued}`);
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${this.batchSize}`);
    this.lines = writesVisitsByCopy(options.db) ? new VisitCopyChunks(this.batchSize, options.copyChunkBytes) : undefined;
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 50);
    this.timer.unref();
  }

  /** Visits accepted and not yet stored (a statement in flight included). */
  get queuedCount(): number {
    return this.lines ? this.lines.size : this.queue.length;
  }

  /** Synchronous when the tag key and the org's ranges are cached (the common case); a promise when one must be read. */
  accept(beacon: VisitBeacon, ip: string | undefined): AcceptOutcome | Promise<AcceptOutcome> {
    if (this.queuedCount >= this.maxQueued) {
      this.counts.refusedFull += 1;
      return 'queue_full';
    }
    const now = Date.now();
    const key = this.keys.get(beacon.tagKey);
    if (key && key.expiresAt > now) {
      if (!key.orgId) return this.refuseUnknownKey();
      const ranges = this.ranges.get(key.orgId);
      if (ranges && ranges.expiresAt > now) return this.enqueue(beacon, ip, key.orgId, ranges);
    }
    return this.acceptAfterLookup(beacon, ip);
  }

  private async acceptAfterLookup(beacon: VisitBeacon, ip: string | undefined): Promise<AcceptOutcome> {
    const orgId = await this.orgIdOf(beacon.tagKey);
    if (!orgId) return this.refuseUnknownKey();
    return this.enqueue(beacon, ip, orgId, await this.rangesOf(orgId));
  }

  private refuseUnknownKey(): AcceptOutcome {
    this.counts.unknownKey += 1;
    return 'unknown_key';
  }

  private enqueue(beacon: VisitBeacon, ip: string | undefined, orgId: string, ranges: CachedRanges): AcceptOutcome {
    // The queue may have filled while the key or ranges were read.
    if (this.queuedCount >= this.maxQueued) {
      this.counts.refusedFull += 1;
      return 'queue_full';
    }
    const range = ip === undefined || ranges.ranges.length === 0 ? undefined : rangeHolding(ranges, ip);
    const companyId = range?.companyId ?? null;
    if (this.lines) {
      this.lines.append(visitCopyLine(orgId, beacon.visitorId, beacon.url, beacon.page, beacon.referrer, beacon.visitedAt.getTime(), companyId));
    } else {
      this.queue.push({ orgId, visitorId: beacon.visitorId, url: beacon.url, page: beacon.page, referrer: beacon.referrer, visitedAt: beacon.visitedAt, companyId });
    }
    this.counts.accepted += 1;
    if (this.queuedCount >= this.batchSize) void this.flush();
    return 'accepted';
  }

  /** Forget an org's cached ranges (after an import in this process; others refresh within a minute). */
  invalidateRanges(orgId: string): void {
    this.ranges.delete(orgId);
  }

  /** Writes the queue in batches; one flush at a time. A failed batch stays queued and is retried on the next tick. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.queuedCount === 0) return Promise.resolve();
    this.flushing = (async () => {
      try {
        while (this.queuedCount > 0) {
          const stored = await this.writeBatch();
          this.counts.stored += stored;
          if (this.yieldBetweenBatches && this.queuedCount > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        this.counts.failedBatches += 1;
        this.options.logger.error({ err: error, queued: this.queuedCount }, 'web visits could not be written; retrying');
      } finally {
        this.flushing = undefined;
      }
    })();
    return this.flushing;
  }

  /** One statement of at most batchSize visits, the oldest; resolves to the visits stored, which leave the queue. */
  private async writeBatch(): Promise<number> {
    const lines = this.lines;
    if (lines) {
      const batch = lines.next(this.batchSize);
      if (!batch) throw new Error(`no COPY chunk holds the ${lines.size} visits counted as queued`);
      try {
        await copyVisitLines(this.options.db, batch.data);
      } catch (error) {
        lines.failed();
        throw error;
      }
      lines.stored();
      return batch.rows;
    }
    const batch = this.queue.slice(0, this.batchSize);
    await insertVisitBatch(this.options.db, batch);
    this.queue.splice(0, batch.length);
    return batch.length;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (let attempt = 0; attempt < 5 && this.queuedCount > 0; attempt += 1) await this.flush();
    if (this.queuedCount > 0) this.options.logger.error({ lost: this.queuedCount }, 'web visits lost at shutdown: the database refused them');
  }

  private async orgIdOf(tagKey: string): Promise<string | undefined> {
    const now = Date.now();
    const cached = this.keys.get(tagKey);
    if (cached && cached.expiresAt > now) return cached.orgId;
    let pending = this.pendingKeys.get(tagKey);
    if (!pending) {
      pending = findOrgIdByTagKey(this.options.db, tagKey).finally(() => this.pendingKeys.delete(tagKey));
      this.pendingKeys.set(tagKey, pending);
    }
    const orgId = await pending;
    // Unknown keys are cached too, so a flood of bad keys costs one query per key a minute.
    if (this.keys.size > 100_000) this.keys.clear();
    this.keys.set(tagKey, { orgId, expiresAt: now + KEY_TTL_MS });
    return orgId;
  }

  private async rangesOf(orgId: string): Promise<CachedRanges> {
    const now = Date.now();
    const cached = this.ranges.get(orgId);
    if (cached && cached.expiresAt > now) return cached;
    const fresh = { ranges: indexRanges(await listIpRanges(this.options.db, orgId)), expiresAt: now + RANGES_TTL_MS, byAddress: new Map<string, IpRange | null>() };
    this.ranges.set(orgId, fresh);
    return fresh;
  }
}

/** The org's range holding the address, remembered per address text: parsing it to a 128-bit number costs more than a lookup. */
function rangeHolding(cached: CachedRanges, ip: string): IpRange | undefined {
  const known = cached.byAddress.get(ip);
  if (known !== undefined) return known ?? undefined;
  const address = ipToBigInt(ip);
  const range = address === undefined ? undefined : findRange(cached.ranges, address);
  if (cached.byAddress.size >= MAX_REMEMBERED_ADDRESSES) cached.byAddress.clear();
  cached.byAddress.set(ip, range ?? null);
  return range;
}
