import { formatCsvField } from '../../domain/matching/csv';
import { generateAccountRows } from './demoAccountRows';
import { generateDemoCompanies, type DemoCompany } from './demoCompanies';

/** Where the web UI serves the sample (web/public is copied into the built UI). */
export const sandboxSampleAccountsPath = 'web/public/sandbox-sample-accounts.csv';

/**
 * A CRM-style account list written from the sandbox's synthetic master database (the 50,000 companies
 * seedDemoCompanies inserts): what a new user uploads to see matching work in the sandbox. Most rows are spellings
 * of master companies; a few are companies outside it, repeats and personal e-mail domains, so every result status
 * shows. Regenerate with `npx tsx src/adapters/demo/sandboxSampleAccounts.ts` (a test keeps the file in step).
 */
export function sandboxSampleAccountsCsv(master: readonly DemoCompany[] = generateDemoCompanies()): string {
  const lines = ['Account Name,Website,Billing Country'];
  for (const row of generateAccountRows(master, 200, 4242)) lines.push([row.name, row.domain, row.country].map(formatCsvField).join(','));
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(sandboxSampleAccountsPath, sandboxSampleAccountsCsv());
  console.log(`wrote ${sandboxSampleAccountsPath}`);
}
