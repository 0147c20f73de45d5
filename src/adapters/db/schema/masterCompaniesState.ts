import { bigint, boolean, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors migrations/0930_master_companies_version.sql: one row, bumped by triggers on master company writes. */
export const masterCompaniesState = pgTable('master_companies_state', {
  singleton: boolean('singleton').primaryKey().default(true),
  instanceId: uuid('instance_id').notNull().defaultRandom(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
