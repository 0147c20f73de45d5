import { sql } from 'drizzle-orm';
import { boolean, char, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CompanyProvenance } from '../../../domain/matching/companyRecord';
import { organizations } from './core';

/**
 * Mirrors migrations/0100_companies.sql. `companies` is the shared master company database (not a tenant table:
 * every organisation matches against the same companies); the match tables are per organisation.
 */
export const companies = pgTable(
  'companies',
  {
    id: text('id').primaryKey(),
    /** 0400: NULL for the master database (the instance's); an organisation's id for its private companies. */
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    domain: text('domain'),
    otherDomains: text('other_domains').array().notNull().default(sql`'{}'`),
    country: char('country', { length: 2 }),
    region: text('region'),
    city: text('city'),
    industry: text('industry'),
    employeeRange: text('employee_range'),
    revenueRange: text('revenue_range'),
    firmographics: jsonb('firmographics').$type<Record<string, unknown>>().notNull().default({}),
    /** 0931, a list since 0932: the open data sets (GLEIF, SEC, Wikidata) a master company was imported from, one entry each; NULL for CSV imports. */
    provenance: jsonb('provenance').$type<CompanyProvenance[]>(),
    /** 0932: the company's other names (GLEIF trading or transliterated names, other data sets' names): the matcher finds it by them too. */
    otherNames: text('other_names').array().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('companies_domain_idx').on(t.domain),
    index('companies_country_idx').on(t.country),
    index('companies_private_idx').on(t.orgId, t.name).where(sql`org_id IS NOT NULL`),
    index('companies_private_domain_idx').on(t.orgId, t.domain, t.country).where(sql`org_id IS NOT NULL`),
  ],
);

export const matchExcludedDomains = pgTable(
  'match_excluded_domains',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.domain] })],
);

/** Migration 0900: matching settings per organisation (no row: the defaults). */
export const matchSettings = pgTable('match_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  nameFallbackOnExcludedDomain: boolean('name_fallback_on_excluded_domain').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const matchBatches = pgTable(
  'match_batches',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    inputRows: integer('input_rows').notNull().default(0),
    matched: integer('matched').notNull().default(0),
    unmatched: integer('unmatched').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
  },
  (t) => [index('match_batches_org_idx').on(t.orgId, t.createdAt.desc())],
);

export const matchResults = pgTable(
  'match_results',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    batchId: uuid('batch_id').notNull().references(() => matchBatches.id, { onDelete: 'cascade' }),
    rowIndex: integer('row_index').notNull(),
    rowId: text('row_id').notNull(),
    status: text('status').$type<'matched' | 'duplicate' | 'unmatched'>().notNull(),
    companyId: text('company_id'),
    score: real('score'),
    reason: text('reason').$type<'excluded_domain' | 'missing_data' | 'no_candidate' | 'ambiguous' | 'low_score'>(),
    /** Migration 0900: how a matched row was matched when that is worth saying (MatchNote). */
    note: text('note').$type<'name_country_fallback'>(),
    candidates: jsonb('candidates').$type<{ companyId: string; score: number }[]>().notNull().default([]),
    inputName: text('input_name'),
    inputDomain: text('input_domain'),
    inputCountry: text('input_country'),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowIndex] }), index('match_results_org_batch_status_idx').on(t.orgId, t.batchId, t.status)],
);
