import type { z } from 'zod';
import type { AppDeps } from '../deps';

/**
 * One entry of the job catalog: a dotted name, a zod payload, a retry policy and timeout, and an idempotent
 * handler that re-reads state and does nothing when the work is already done (STYLE.md §3.8).
 */
export interface JobDefinition<Payload extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly payload: Payload;
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  readonly retryBackoff: boolean;
  readonly expireInSeconds: number;
  /**
   * Long jobs: the worker refreshes a heartbeat every half of this; when it stops (the process died), pg-boss
   * fails the job within this many seconds (plus the supervision interval) and it is retried, on any worker, from
   * its checkpoint. Must be at least 10. Omitted: only expireInSeconds bounds the job.
   */
  readonly heartbeatSeconds?: number;
  /** Payload carries orgId: at most Config.orgConcurrency of this org's jobs run at once, across all workers. */
  readonly isPerOrg: boolean;
  /** `job.id` stays the same across retries of one job (a claim key for work a killed worker left half done). */
  readonly handler: (payload: z.output<Payload>, deps: AppDeps, job?: { readonly id: string }) => Promise<void>;
}

export function defineJob<Payload extends z.ZodType>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

/** Recurring work: a cron that only enqueues a catalog job. */
export interface ScheduleDefinition {
  readonly jobName: string;
  /** Five-field cron, UTC. */
  readonly cron: string;
  readonly payload: Record<string, unknown>;
}
