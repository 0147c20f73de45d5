import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** Fastify's request/response serializers run after our formatter, so their headers are redacted by path. */
export const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

const CENSOR = '[redacted]';
const MAX_DEPTH = 12;

/** Key names (compared without case, "_" or "-") whose values are secrets wherever they appear. */
const SECRET_KEYS = new Set(['password', 'passwd', 'authorization', 'cookie', 'setcookie', 'apikey', 'secret', 'secretkey', 'privatekey', 'codeverifier', 'assertion']);
const SECRET_SUFFIXES = ['password', 'token', 'secret', 'apikey'];

export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[_-]/g, '');
  return SECRET_KEYS.has(normalised) || SECRET_SUFFIXES.some((suffix) => normalised.endsWith(suffix));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A copy of a log object with every secret-named value replaced, at any depth (a CRM token three levels down an
 * error's details included). Errors become copies in the shape pino's serializer writes.
 */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth > MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
  if (value instanceof Error) {
    // A copy in the shape pino's error serializer writes; the thrown error itself is left untouched.
    const copy: Record<string, unknown> = { type: value.name, message: value.message, stack: value.stack };
    const record = value as unknown as Record<string, unknown>;
    for (const key of Object.keys(value)) copy[key] = isSecretKey(key) ? CENSOR : redactSecrets(record[key], depth + 1, seen);
    if (value.cause !== undefined) copy.cause = redactSecrets(value.cause, depth + 1, seen);
    return copy;
  }
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isSecretKey(key) ? CENSOR : redactSecrets(item, depth + 1, seen);
  return copy;
}

/** Secrets never reach the log: tokens, cookies, passwords and keys are redacted wherever they appear. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
    },
    destination,
  );
}
