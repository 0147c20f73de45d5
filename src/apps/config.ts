import path from 'node:path';
import { z } from 'zod';

/** The one place that reads the environment (STYLE.md §3.11). Everything else receives a Config. */
const envSchema = z.object({
  OPENABM_HOST: z.string().default('127.0.0.1'),
  OPENABM_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  OPENABM_DATA_DIR: z.string().default('./.openabm'),
  DATABASE_URL: z.string().url().optional(),
  OPENABM_SECRET_KEY: z.string().optional(),
  OPENABM_SANDBOX: z.enum(['true', 'false', '1', '0']).optional(),
  OPENABM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENABM_PUBLIC_URL: z.string().url().optional(),
  OPENABM_SMTP_URL: z.string().optional(),
  OPENABM_MAIL_FROM: z.string().default('openabm <no-reply@openabm.local>'),
  OPENABM_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  OPENABM_ORG_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  OPENABM_OPERATOR_TOKEN: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
  /** Comma-separated hosts (or parent domains) CRM login/organisation URLs may use besides the providers' own. */
  OPENABM_CRM_ALLOWED_HOSTS: z.string().optional(),
  /** true behind a reverse proxy that sets X-Forwarded-For: client addresses (log-in throttling) come from it. */
  OPENABM_TRUST_PROXY: z.enum(['true', 'false', '1', '0']).optional(),
  /** false: every web tag beacon goes through Node's HTTP server instead of the connection-level fast path. */
  OPENABM_WEB_TAG_FAST_PATH: z.enum(['true', 'false', '1', '0']).optional(),
});

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** postgres://… when running on a server; undefined means embedded PGlite in dataDir. */
  readonly databaseUrl: string | undefined;
  /** 32-byte key for AES-256-GCM encryption of secrets at rest, base64 or hex; undefined only in sandbox mode. */
  readonly secretKey: string | undefined;
  /** Sandbox mode: provider emulators start with the app and integrations point at them. */
  readonly isSandbox: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly publicUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Jobs one worker process runs at once, and at most this many for one organisation. */
  readonly workerConcurrency: number;
  readonly orgConcurrency: number;
  /** Bearer token of the instance operator (/api/operator/…): creates organisations, writes the master companies. Unset: that API is off. */
  readonly operatorToken: string | undefined;
  /** Hosts (or parent domains) a CRM login or organisation URL may use besides the provider's own domains. */
  readonly crmAllowedHosts: readonly string[];
  /** Read the client address from X-Forwarded-For (only behind a reverse proxy that sets it). */
  readonly isBehindProxy: boolean;
  /** Web tag beacons answered below Node's HTTP module on plain-TCP connections (src/apps/server/webTag/beaconFastPath.ts). */
  readonly isWebTagFastPath: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment (plus overrides from command-line flags, which win) into a frozen Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Record<string, string | undefined> = {}): Config {
  env = { ...env, ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) };
  // An empty variable (DATABASE_URL=) means unset, as shells and .env files write it.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  // Sandbox mode (demo users sharing one printed password, emulators) is a laptop's default only: on any other
  // address it must be asked for, and production must be configured on purpose.
  if (e.OPENABM_SANDBOX === undefined && !isLoopbackHost(e.OPENABM_HOST)) {
    throw new ConfigError(
      [
        `openabm would listen on ${e.OPENABM_HOST}, which is reachable from other machines, and sandbox mode is not chosen explicitly.`,
        'For production set OPENABM_SANDBOX=false, OPENABM_SECRET_KEY (openssl rand -base64 32), DATABASE_URL (PostgreSQL) and',
        'OPENABM_PUBLIC_URL (https://…), then create the first organisation with: openabm orgs create --name … --admin-email …',
        'To show the sandbox (demo users, provider emulators) on this address anyway, set OPENABM_SANDBOX=true.',
      ].join('\n'),
    );
  }
  const isSandbox = e.OPENABM_SANDBOX === undefined ? true : e.OPENABM_SANDBOX === 'true' || e.OPENABM_SANDBOX === '1';
  if (!isSandbox && !e.OPENABM_SECRET_KEY) {
    throw new ConfigError(
      'OPENABM_SECRET_KEY is required outside sandbox mode: a 32-byte key (base64 or 64 hex characters) that encrypts OAuth tokens and passwords at rest. Generate one with: openssl rand -base64 32',
    );
  }
  if (e.OPENABM_SECRET_KEY) assertKeyShape(e.OPENABM_SECRET_KEY);
  const port = e.OPENABM_PORT ?? e.PORT ?? 3000;
  return Object.freeze({
    host: e.OPENABM_HOST,
    port,
    dataDir: path.resolve(e.OPENABM_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    secretKey: e.OPENABM_SECRET_KEY,
    isSandbox,
    logLevel: e.OPENABM_LOG_LEVEL,
    publicUrl: e.OPENABM_PUBLIC_URL ?? `http://${e.OPENABM_HOST}:${port}`,
    smtpUrl: e.OPENABM_SMTP_URL,
    mailFrom: e.OPENABM_MAIL_FROM,
    workerConcurrency: e.OPENABM_WORKER_CONCURRENCY,
    orgConcurrency: e.OPENABM_ORG_CONCURRENCY,
    operatorToken: e.OPENABM_OPERATOR_TOKEN,
    isBehindProxy: e.OPENABM_TRUST_PROXY === 'true' || e.OPENABM_TRUST_PROXY === '1',
    isWebTagFastPath: e.OPENABM_WEB_TAG_FAST_PATH !== 'false' && e.OPENABM_WEB_TAG_FAST_PATH !== '0',
    crmAllowedHosts: Object.freeze((e.OPENABM_CRM_ALLOWED_HOSTS ?? '').split(',').map((host) => host.trim()).filter((host) => host !== '')),
  });
}

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || bare === '::ffff:127.0.0.1';
}

function assertKeyShape(key: string): void {
  const bytes = /^[0-9a-f]{64}$/i.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (bytes.length !== 32) {
    throw new ConfigError('OPENABM_SECRET_KEY must be 32 bytes: base64 (44 characters) or 64 hex characters.');
  }
}

/** A Config for tests and tools, with every field explicit. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({
    host: '127.0.0.1',
    port: 0,
    dataDir: path.resolve('.tmp/test-data'),
    databaseUrl: undefined,
    secretKey: Buffer.alloc(32, 7).toString('base64'),
    isSandbox: true,
    logLevel: 'silent' as const,
    publicUrl: 'http://127.0.0.1:0',
    smtpUrl: undefined,
    mailFrom: 'openabm <no-reply@openabm.local>',
    workerConcurrency: 2,
    orgConcurrency: 2,
    operatorToken: undefined,
    crmAllowedHosts: [],
    isBehindProxy: false,
    isWebTagFastPath: true,
    ...overrides,
  });
}
