import type { Logger } from 'pino';
import type { Db } from '../db/database';
import { findOrgIdByTagKey, insertVisitBatch, listIpRanges, type VisitRow } from '../db/repositories/webVisits';
import { findRange, type IpRange } from '../../domain/webTag/ipRanges';
import { ipv4ToNumber, type VisitBeacon } from '../../domain/webTag/parseVisit';
import type { Clock } from '../../ports/clock';

export interface VisitCollectorOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Visits waiting for insertion; beyond this the endpoint answers 503 instead of growing without bound. */
  readonly maxQueued?: number;
  readonly batchSize?: number;
  readonly flushIntervalMs?: number;
}

export type AcceptOutcome = 'accepted' | 'unknown_key' | 'queue_full';

interface CachedKey {
  readonly orgId: string | undefined;
  readonly expiresAt: number;
}

const KEY_TTL_MS = 60_000;
const RANGES_TTL_MS = 60_000;

/**
 * The web tag's collection path: checks the tag key (cached), resolves the visitor's IPv4 address through the org's
 * IP-range file (cached), and queues the visit; a timer writes the queue in batches of one INSERT each. Bounded:
 * when the queue is full the caller answers 503 and the tag's beacon is lost rather than the server's memory.
 * `close()` writes what is queued (the server's onClose), so a shutdown loses nothing accepted.
 */
export class VisitCollector {
  private readonly queue: VisitRow[] = [];
  private readonly keys = new Map<string, CachedKey>();
  private readonly pendingKeys = new Map<string, Promise<string | undefined>>();
  private readonly ranges = new Map<string, { ranges: IpRange[]; expiresAt: number }>();
  private readonly maxQueued: number;
  private readonly batchSize: number;
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> | undefined;
  readonly counts = { accepted: 0, stored: 0, refusedFull: 0, unknownKey: 0, failedBatches: 0 };

  constructor(private readonly options: VisitCollectorOptions) {
    this.maxQueued = options.maxQueued ?? 200_000;
    this.batchSize = options.batchSize ?? 2_000;
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 50);
    this.timer.unref();
  }

  get queuedCount(): number {
    return this.queue.length;
  }

  async accept(beacon: VisitBeacon, ip: string | undefined): Promise<AcceptOutcome> {
    if (this.queue.length >= this.maxQueued) {
      this.counts.refusedFull += 1;
      return 'queue_full';
    }
    const orgId = await this.orgIdOf(beacon.tagKey);
    if (!orgId) {
      this.counts.unknownKey += 1;
      return 'unknown_key';
    }
    const ipNumber = ip === undefined ? undefined : ipv4ToNumber(ip);
    const range = ipNumber === undefined ? undefined : findRange(await this.rangesOf(orgId), ipNumber);
    this.queue.push({
      orgId,
      visitorId: beacon.visitorId,
      url: beacon.url,
      page: beacon.page,
      referrer: beacon.referrer,
      visitedAt: beacon.visitedAt,
      receivedAt: this.options.clock.now(),
      ip: ip ?? null,
      companyId: range?.companyId ?? null,
      companyName: range?.companyName ?? null,
    });
    this.counts.accepted += 1;
    if (this.queue.length >= this.batchSize) void this.flush();
    return 'accepted';
  }

  /** Forget an org's cached ranges (after an import in this process; others refresh within a minute). */
  invalidateRanges(orgId: string): void {
    this.ranges.delete(orgId);
  }

  /** Writes the queue in batches; one flush at a time. A failed batch stays queued and is retried on the next tick. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.queue.length === 0) return Promise.resolve();
    this.flushing = (async () => {
      try {
        while (this.queue.length > 0) {
          const batch = this.queue.slice(0, this.batchSize);
          await insertVisitBatch(this.options.db, batch);
          this.queue.splice(0, batch.length);
          this.counts.stored += batch.length;
        }
      } catch (error) {
        this.counts.failedBatches += 1;
        this.options.logger.error({ err: error, queued: this.queue.length }, 'web visits could not be written; retrying');
      } finally {
        this.flushing = undefined;
      }
    })();
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (let attempt = 0; attempt < 5 && this.queue.length > 0; attempt += 1) await this.flush();
    if (this.queue.length > 0) this.options.logger.error({ lost: this.queue.length }, 'web visits lost at shutdown: the database refused them');
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

  private async rangesOf(orgId: string): Promise<IpRange[]> {
    const now = Date.now();
    const cached = this.ranges.get(orgId);
    if (cached && cached.expiresAt > now) return cached.ranges;
    const ranges = await listIpRanges(this.options.db, orgId);
    this.ranges.set(orgId, { ranges, expiresAt: now + RANGES_TTL_MS });
    return ranges;
  }
}
