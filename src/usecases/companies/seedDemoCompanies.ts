import type { Database } from '../../adapters/db/database';
import { countCompanies, upsertCompanies } from '../../adapters/db/repositories/companies';
import { generateDemoCompanies } from '../../adapters/demo/demoCompanies';

export interface SeedDemoCompaniesOutput {
  /** 0 when the companies table already had rows (nothing is touched then). */
  inserted: number;
}

/**
 * Fills an empty master company database with the generated demo companies (50,000 by default), in one
 * transaction of 1,000-row inserts. Called at start-up; does nothing when companies exist.
 */
export async function seedDemoCompanies(database: Pick<Database, 'db'>, count = 50_000): Promise<SeedDemoCompaniesOutput> {
  if ((await countCompanies(database.db)) > 0) return { inserted: 0 };
  return upsertDemoCompanies(database, count);
}

/** Writes the generated demo companies whatever the table holds (same ids: an existing demo company is updated). */
export async function upsertDemoCompanies(database: Pick<Database, 'db'>, count = 50_000): Promise<SeedDemoCompaniesOutput> {
  const demo = generateDemoCompanies(count);
  await database.db.transaction((tx) =>
    upsertCompanies(
      tx,
      demo.map((company) => ({
        id: company.companyId,
        name: company.name,
        domain: company.domain,
        otherDomains: [],
        country: company.country,
        region: company.region,
        city: company.city,
        industry: company.industry,
        employeeRange: company.employeeRange,
        revenueRange: company.revenueRange,
        firmographics: {},
      })),
    ),
  );
  return { inserted: demo.length };
}
