/** Enqueue work for the worker; typed by the job catalog in apps/worker/jobs.ts. */
export interface EnqueueOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job per key (e.g. `segment:<id>`), so a double click does not refresh twice. */
  singletonKey?: string;
}

export interface JobQueue {
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<string | null>;
}
