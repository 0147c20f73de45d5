import { sql } from 'drizzle-orm';
import type { Db } from '../database';

/** Tables whose row counts change by thousands in one job: a CRM data sync, a segment refresh, a company import. */
const JOB_WRITTEN_TABLES = {
  crmData: sql`ANALYZE crm_accounts, crm_contacts, crm_leads, crm_account_companies`,
  segmentMembers: sql`ANALYZE segment_members`,
  // A company import (CSV or open data) writes the companies and, for open data and CSV rows of open data companies,
  // their data sets' records and lookup keys (which the next import's merge searches by key).
  companies: sql`ANALYZE companies, company_sources, company_source_keys`,
} as const;

/**
 * Refreshes the query planner's statistics of what a job has just written. PGlite has no autovacuum, so without this
 * its tables never get statistics and the planner takes a segment of thousands of members for one row: joining a
 * segment's members with the CRM leads then compared every member with every lead (~2 minutes held the server for a
 * 9,414-account segment; 166 ms with statistics). On PostgreSQL it only brings forward what autovacuum would do.
 */
export async function refreshPlannerStatistics(db: Db, tables: keyof typeof JOB_WRITTEN_TABLES): Promise<void> {
  await db.execute(JOB_WRITTEN_TABLES[tables]);
}
