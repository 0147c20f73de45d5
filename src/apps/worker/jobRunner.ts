import { PgBoss, fromPglite } from 'pg-boss';
import type { Database } from '../../adapters/db/database';
import type { EnqueueOptions, JobQueue } from '../../ports/jobQueue';
import type { AppDeps } from '../deps';
import type { JobDefinition } from './defineJob';
import { findJob, jobCatalog, schedules } from './jobs';

/**
 * How often pg-boss looks for jobs whose heartbeat stopped (default 60 s). With a 15 s heartbeat and a 15 s first
 * retry delay, a job of a worker killed mid-way runs again on another worker within a minute.
 */
export const SUPERVISE_INTERVAL_SECONDS = 10;

/** pg-boss on the app's database: PGlite in one process, or PostgreSQL shared by many `openabm worker`s. */
export function createBoss(database: Database): PgBoss {
  if (database.kind === 'pglite' && database.pglite) {
    return new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: 'pgboss', superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS });
  }
  if (!database.connectionString) throw new Error('a PostgreSQL database needs its connection string for pg-boss');
  return new PgBoss({ connectionString: database.connectionString, schema: 'pgboss', max: 5, superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS });
}

/** Creates the queues of the catalog (idempotent) and returns an enqueue port that validates payloads. */
export async function prepareQueues(boss: PgBoss): Promise<JobQueue> {
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  for (const job of jobCatalog as readonly JobDefinition[]) {
    const policy = { retryLimit: job.retryLimit, retryDelay: job.retryDelaySeconds, retryBackoff: job.retryBackoff, expireInSeconds: job.expireInSeconds };
    if (!existing.has(job.name)) {
      await boss.createQueue(job.name, { ...policy, ...(job.heartbeatSeconds ? { heartbeatSeconds: job.heartbeatSeconds } : {}) });
    } else if (job.heartbeatSeconds) {
      // Queues created before heartbeats (or with another policy) take the catalog's current one.
      await boss.updateQueue(job.name, { ...policy, heartbeatSeconds: job.heartbeatSeconds });
    }
  }
  return {
    async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}) {
      const job = findJob(name);
      if (!job) throw new Error(`Unknown job ${name}`);
      const parsed = job.payload.parse(payload) as Record<string, unknown>;
      const orgId = typeof parsed.orgId === 'string' ? parsed.orgId : undefined;
      return boss.send(name, parsed, {
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(job.isPerOrg && orgId ? { group: { id: `org:${orgId}` } } : {}),
      });
    },
  };
}

/** Starts handlers for every catalog job and registers the crons. */
export async function startWorkers(boss: PgBoss, deps: AppDeps): Promise<void> {
  for (const job of jobCatalog as readonly JobDefinition[]) {
    await boss.work<Record<string, unknown>>(
      job.name,
      {
        localConcurrency: deps.config.workerConcurrency,
        ...(job.isPerOrg ? { groupConcurrency: deps.config.orgConcurrency } : {}),
      },
      async (jobs) => {
        for (const entry of jobs) {
          const payload = job.payload.parse(entry.data);
          await job.handler(payload, deps, { id: entry.id });
        }
      },
    );
  }
  for (const schedule of schedules) {
    await boss.schedule(schedule.jobName, schedule.cron, schedule.payload, { tz: 'UTC' });
  }
}
