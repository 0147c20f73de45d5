import { normalizeName } from '../../domain/matching/normalizeName';
import { generateDemoCompanies, type DemoCompany } from './demoCompanies';

/** One generated account row and the company it was written from (the generator's truth). */
export interface GeneratedAccountRow {
  rowId: string;
  name: string;
  domain: string;
  country: string;
  truth: {
    /** 'unmatched' for rows written from a company outside the master or with nothing to match on. */
    status: 'matched' | 'duplicate' | 'unmatched';
    companyId: string | null;
  };
}

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

/**
 * Account rows the way CRM exports look, written from companies of `master` (85 %), from companies outside it
 * (10 %; none with a master company's name or domain) and repeating earlier rows' companies (5 %): case, legal forms dropped or added, transposed letters, URLs,
 * country spellings, personal e-mail domains, missing names. Deterministic for a (master, count, seed).
 * Truth: a row written from a master company with a name or that company's domain is that company (the first such
 * row `matched`, later ones `duplicate`); the rest are `unmatched`.
 */
export function generateAccountRows(master: readonly DemoCompany[], count: number, seed = 2026): GeneratedAccountRow[] {
  // Companies outside the master come from the same generator (another seed), which repeats some names (up to the
  // legal form) and domains: those are the master's companies as far as anyone can tell, so they are left out.
  const masterNames = new Set<string>();
  const masterDomains = new Set<string>();
  for (const company of master) {
    masterNames.add(nameKey(company));
    masterDomains.add(company.domain);
  }
  const outsiders = generateDemoCompanies(Math.max(100, Math.ceil(count * 0.12)), 99).filter((company) => !masterNames.has(nameKey(company)) && !masterDomains.has(company.domain));
  const outsiderSet = new Set<DemoCompany>(outsiders);
  const next = random(seed);
  const picked: DemoCompany[] = [];
  const claimed = new Set<string>();
  const rows: GeneratedAccountRow[] = [];
  for (let row = 1; row <= count; row++) {
    const roll = next();
    let company: DemoCompany;
    if (roll < 0.05 && picked.length > 0) company = picked[Math.floor(next() * picked.length)] as DemoCompany;
    else if (roll < 0.15) company = outsiders[Math.floor(next() * outsiders.length)] as DemoCompany;
    else company = master[Math.floor(next() * master.length)] as DemoCompany;
    picked.push(company);
    const domainRoll = next();
    const isPersonalMail = domainRoll >= 0.97;
    const domain = domainRoll < 0.35 ? '' : domainRoll < 0.6 ? company.domain : domainRoll < 0.8 ? `https://www.${company.domain}/about-us` : domainRoll < 0.97 ? `http://${company.domain.toUpperCase()}` : `jane.doe${row}@gmail.com`;
    const spellings = countrySpellings[company.country] ?? [company.country];
    const country = next() < 0.2 ? '' : (spellings[Math.floor(next() * spellings.length)] ?? company.country);
    const name = next() < 0.04 ? '' : messyName(company, next);
    const rowId = `r${String(row).padStart(5, '0')}`;
    // Outsiders come from the same generator (other seed): their ids may equal master ids, so they are told apart by object.
    const isInMaster = !outsiderSet.has(company);
    const hasEvidence = name !== '' || (domain !== '' && !isPersonalMail);
    let truth: GeneratedAccountRow['truth'] = { status: 'unmatched', companyId: null };
    if (isInMaster && hasEvidence) {
      truth = { status: claimed.has(company.companyId) ? 'duplicate' : 'matched', companyId: company.companyId };
      claimed.add(company.companyId);
    }
    rows.push({ rowId, name, domain, country, truth });
  }
  return rows;
}

/** The normalised name in its country: two companies alike in it are one company to a reader. */
function nameKey(company: DemoCompany): string {
  return `${normalizeName(company.name)?.compact ?? company.name.toLowerCase()}|${company.country}`;
}
