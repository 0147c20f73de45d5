import type { FastifyInstance } from 'fastify';
import { testConfig, type Config } from '../apps/config';
import type { AppDeps } from '../apps/deps';
import { createLogger } from '../apps/logger';
import { buildApp } from '../apps/server/buildApp';
import { InMemoryMailer } from '../adapters/mailer/createMailer';
import type { Database } from '../adapters/db/database';
import { crmConnectors } from '../adapters/connectors/registry';
import { systemClock, type Clock } from '../ports/clock';
import type { EnqueueOptions, JobQueue } from '../ports/jobQueue';
import { CSRF_HEADER, SESSION_COOKIE } from '../contracts/auth';
import { hashPassword } from '../adapters/crypto-auth/passwords';
import { updateUserRow } from '../adapters/db/repositories/users';

/** Records enqueued jobs instead of running them; tests assert on what was enqueued. */
export class RecordingJobQueue implements JobQueue {
  readonly enqueued: Array<{ name: string; payload: unknown; options: EnqueueOptions }> = [];
  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}) {
    this.enqueued.push({ name, payload, options });
    return `job-${this.enqueued.length}`;
  }
}

export interface TestAppDeps extends AppDeps {
  readonly jobs: RecordingJobQueue;
  readonly mailer: InMemoryMailer;
}

export function createTestDeps(database: Database, overrides: { config?: Partial<Config>; clock?: Clock; sandboxUrls?: Record<string, string>; sandboxCredentials?: Record<string, Record<string, string>> } = {}): TestAppDeps {
  const config = testConfig(overrides.config);
  return {
    config,
    database,
    db: database.db,
    clock: overrides.clock ?? systemClock,
    logger: createLogger(config),
    jobs: new RecordingJobQueue(),
    mailer: new InMemoryMailer(),
    sandboxUrls: overrides.sandboxUrls ?? {},
    sandboxCredentials: overrides.sandboxCredentials ?? {},
    connectors: crmConnectors,
  };
}

export async function createTestApp(database: Database, overrides: Parameters<typeof createTestDeps>[1] = {}): Promise<{ app: FastifyInstance; deps: TestAppDeps }> {
  const deps = createTestDeps(database, overrides);
  const app = await buildApp(deps, { isServingWeb: false });
  await app.ready();
  return { app, deps };
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Gives a user a known password and logs in; returns headers for later injected requests. */
export async function logInAs(
  app: FastifyInstance,
  database: Database,
  user: { orgId: string; userId: string; email: string },
): Promise<{ cookie: string; csrfToken: string; headers: Record<string, string> }> {
  await updateUserRow(database.db, user.orgId, user.userId, { passwordHash: await hashPassword(TEST_PASSWORD) });
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`log-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `${SESSION_COOKIE}=${cookie.value}`;
  return { cookie: cookieHeader, csrfToken, headers: { cookie: cookieHeader, [CSRF_HEADER]: csrfToken } };
}
