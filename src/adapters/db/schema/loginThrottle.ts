import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Mirrors migrations/0415_login_throttle.sql. Keyed by `account:<e-mail>` or `address:<ip>`; not a tenant table,
 * because it is consulted before the caller is known to belong to any organisation.
 */
export const loginThrottle = pgTable('login_throttle', {
  throttleKey: text('throttle_key').primaryKey(),
  failureCount: integer('failure_count').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});
