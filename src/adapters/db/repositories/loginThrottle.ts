import { inArray } from 'drizzle-orm';
import type { LoginThrottleState } from '../../../domain/auth/loginThrottle';
import type { Db } from '../database';
import { loginThrottle } from '../schema/index';

// No orgId here on purpose: throttling happens before a log-in attempt is tied to any organisation.

export async function findLoginThrottles(db: Db, keys: readonly string[]): Promise<Map<string, LoginThrottleState>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.throttleKey, [...keys]));
  return new Map(rows.map((row) => [row.throttleKey, { failureCount: row.failureCount, lastFailureAt: row.lastFailureAt, blockedUntil: row.blockedUntil }]));
}

export async function saveLoginThrottle(db: Db, key: string, state: LoginThrottleState): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ throttleKey: key, ...state })
    .onConflictDoUpdate({ target: loginThrottle.throttleKey, set: { ...state } });
}

export async function clearLoginThrottles(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(loginThrottle).where(inArray(loginThrottle.throttleKey, [...keys]));
}
