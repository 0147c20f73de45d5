// Deterministic speed-test files: a 1,000,000-company master (the demo generator at scale) and a 25,000-row
// account list written the way CRM exports look (case, legal forms, typos, URLs, country spellings, duplicates,
// companies not in the master, personal e-mail domains). Run: npx tsx bench/matching/generateScaleFiles.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemoCompanies, type DemoCompany } from '../../src/adapters/demo/demoCompanies';
import { formatCsvField } from '../../src/domain/matching/csv';
import { repoRoot } from './devSet';

export const scaleDir = path.join(repoRoot, 'bench/.data');
export const scaleFiles = { master: path.join(scaleDir, 'master-1m.csv'), accounts: path.join(scaleDir, 'accounts-25k.csv') };

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const countrySpellings: Record<string, readonly string[]> = {
  US: ['US', 'USA', 'United States', 'U.S.', 'united states of america'],
  GB: ['GB', 'UK', 'United Kingdom', 'England'],
  DE: ['DE', 'Germany', 'Deutschland', 'DEU'],
  FR: ['FR', 'France', 'FRA'],
};

function messyName(company: DemoCompany, next: () => number): string {
  let name = company.name;
  const roll = next();
  if (roll < 0.25) name = name.replace(/\s+(Inc\.|LLC|Ltd|Limited|GmbH|Corp\.|Corporation|S\.A\.|SAS|B\.V\.|Pty Ltd|AB|Oy)$/i, '');
  else if (roll < 0.35) name = `${name}, Inc.`;
  if (next() < 0.2) name = name.toUpperCase();
  else if (next() < 0.15) name = name.toLowerCase();
  if (next() < 0.1) name = name.replace(' & ', ' and ');
  if (next() < 0.08) {
    const at = 1 + Math.floor(next() * (name.length - 2));
    name = name.slice(0, at) + (name[at + 1] ?? '') + (name[at] ?? '') + name.slice(at + 2);
  }
  return name;
}

export function generateScaleFiles(): void {
  mkdirSync(scaleDir, { recursive: true });
  const master = generateDemoCompanies(1_000_000, 7);
  const masterLines = ['company_id,name,domain,country,region,city,industry,employee_range,revenue_range'];
  for (const c of master) {
    masterLines.push([c.companyId, c.name, c.domain, c.country, c.region, c.city, c.industry, c.employeeRange, c.revenueRange].map(formatCsvField).join(','));
  }
  writeFileSync(scaleFiles.master, `${masterLines.join('\n')}\n`);
  const outsiders = generateDemoCompanies(3_000, 99);
  const next = random(2026);
  const accountLines = ['row_id,name,domain,country'];
  const picked: DemoCompany[] = [];
  for (let row = 1; row <= 25_000; row++) {
    const roll = next();
    let company: DemoCompany;
    if (roll < 0.05 && picked.length > 0) company = picked[Math.floor(next() * picked.length)] as DemoCompany;
    else if (roll < 0.15) company = outsiders[Math.floor(next() * outsiders.length)] as DemoCompany;
    else company = master[Math.floor(next() * master.length)] as DemoCompany;
    picked.push(company);
    const domainRoll = next();
    const domain = domainRoll < 0.35 ? '' : domainRoll < 0.6 ? company.domain : domainRoll < 0.8 ? `https://www.${company.domain}/about-us` : domainRoll < 0.97 ? `http://${company.domain.toUpperCase()}` : `jane.doe${row}@gmail.com`;
    const spellings = countrySpellings[company.country] ?? [company.country];
    const country = next() < 0.2 ? '' : (spellings[Math.floor(next() * spellings.length)] ?? company.country);
    const name = next() < 0.04 ? '' : messyName(company, next);
    accountLines.push([`r${String(row).padStart(5, '0')}`, name, domain, country].map(formatCsvField).join(','));
  }
  writeFileSync(scaleFiles.accounts, `${accountLines.join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  generateScaleFiles();
  console.log(`wrote ${scaleFiles.master} and ${scaleFiles.accounts} in ${Math.round(performance.now() - started)} ms`);
}
