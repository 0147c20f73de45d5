// Deterministic speed-test files: a master of generated companies (the demo generator at scale, 1,000,000 by
// default) and an account list written the way CRM exports look (case, legal forms, typos, URLs, country
// spellings, duplicates, companies not in the master, personal e-mail domains), with the generator's own truth per
// row (which company it was written from, or none). Run: npx tsx bench/matching/generateScaleFiles.ts [--companies N --rows N]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemoCompanies, type DemoCompany } from '../../src/adapters/demo/demoCompanies';
import { formatCsvField } from '../../src/domain/matching/csv';
import { generateAccountRows } from '../../src/adapters/demo/demoAccountRows';
import { repoRoot } from './devSet';

export const scaleDir = path.join(repoRoot, 'bench/.data');

export interface ScaleSize {
  companies: number;
  rows: number;
}

export const fullScale: ScaleSize = { companies: 1_000_000, rows: 25_000 };

export function scaleFilesFor(size: ScaleSize): { master: string; accounts: string; truth: string } {
  const tag = size.companies === fullScale.companies && size.rows === fullScale.rows ? '' : `-${size.companies}x${size.rows}`;
  return {
    master: path.join(scaleDir, size.companies === 1_000_000 ? 'master-1m.csv' : `master-${size.companies}.csv`),
    accounts: path.join(scaleDir, tag ? `accounts${tag}.csv` : 'accounts-25k.csv'),
    truth: path.join(scaleDir, tag ? `truth${tag}.csv` : 'truth-25k.csv'),
  };
}

/** The 1M × 25k files (the figures). */
export const scaleFiles = scaleFilesFor(fullScale);

export function generateScaleFiles(size: ScaleSize = fullScale): void {
  mkdirSync(scaleDir, { recursive: true });
  const files = scaleFilesFor(size);
  const master = generateDemoCompanies(size.companies, 7);
  const masterLines = ['company_id,name,domain,country,region,city,industry,employee_range,revenue_range'];
  for (const c of master) {
    masterLines.push([c.companyId, c.name, c.domain, c.country, c.region, c.city, c.industry, c.employeeRange, c.revenueRange].map(formatCsvField).join(','));
  }
  writeFileSync(files.master, `${masterLines.join('\n')}\n`);
  writeAccountFiles(master, size.rows, files);
}

function writeAccountFiles(master: readonly DemoCompany[], rows: number, files: { accounts: string; truth: string }): void {
  const generated = generateAccountRows(master, rows, 2026);
  const accountLines = ['row_id,name,domain,country'];
  const truthLines = ['row_id,status,company_id'];
  for (const row of generated) {
    accountLines.push([row.rowId, row.name, row.domain, row.country].map(formatCsvField).join(','));
    truthLines.push([row.rowId, row.truth.status, row.truth.companyId ?? ''].map(formatCsvField).join(','));
  }
  writeFileSync(files.accounts, `${accountLines.join('\n')}\n`);
  writeFileSync(files.truth, `${truthLines.join('\n')}\n`);
}

/** --companies N --rows N from the command line (default: the full 1M × 25k). */
export function scaleSizeFromArgs(argv: readonly string[]): ScaleSize {
  const value = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag);
    if (at < 0) return fallback;
    const parsed = Number(argv[at + 1]);
    if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${flag} needs a positive whole number`);
    return parsed;
  };
  return { companies: value('--companies', fullScale.companies), rows: value('--rows', fullScale.rows) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const size = scaleSizeFromArgs(process.argv);
  generateScaleFiles(size);
  const files = scaleFilesFor(size);
  console.log(`wrote ${files.master}, ${files.accounts} and ${files.truth} in ${Math.round(performance.now() - started)} ms`);
}
