import { generateDemoCompanies } from '../../demo/demoCompanies';
import { emailLocalPart, firstNames, lastNames, messyCompanyName, messyWebsite, personalEmailDomains, seededRandom } from '../salesforce/messySpellings';

/** One demo lead/contact shared by the MAP emulators (each maps it to its own field names). */
export interface DemoPerson {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly company: string;
  readonly website: string | null;
  readonly country: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface DemoPeopleOptions {
  /** Leads to generate (default 600). */
  readonly count?: number;
  readonly seed?: number;
  /** Stamps are spread over the 90 days before this instant. */
  readonly now?: Date;
}

const DAY_MS = 86_400_000;

/**
 * Deterministic demo leads whose companies come from the demo master database (generateDemoCompanies, like the
 * Salesforce emulator's demo org): ~75% work at a master company with its real domain (so matching by e-mail domain
 * and company name works), with messy spellings; ~10% use a personal e-mail domain; ~15% work at companies not in the
 * master. Several people per company.
 */
export function generateDemoPeople(options: DemoPeopleOptions = {}): DemoPerson[] {
  const count = options.count ?? 600;
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date('2026-01-01T00:00:00Z');
  const random = seededRandom(seed * 104_729 + 3);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const companyCount = Math.max(1, Math.ceil(count / 3));
  const master = generateDemoCompanies(companyCount, seed);
  const people: DemoPerson[] = [];
  const usedEmails = new Set<string>();
  for (let index = 0; index < count; index++) {
    const firstName = pick(firstNames);
    const lastName = pick(lastNames);
    const roll = random();
    const company = master[index % master.length] ?? master[0];
    if (!company) break;
    const isOutsideMaster = roll >= 0.85;
    const companyName = isOutsideMaster ? `${lastName} ${pick(['Consulting', 'Partners', 'Studio', 'Labs'])}` : messyCompanyName(company.name, random);
    const domain = isOutsideMaster
      ? `${lastName.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}-${index}.example`
      : roll < 0.75
        ? company.domain
        : pick(personalEmailDomains);
    let email = `${emailLocalPart(firstName, lastName, random)}@${domain}`;
    if (usedEmails.has(email)) email = email.replace('@', `${index}@`);
    usedEmails.add(email);
    const createdAt = new Date(now.getTime() - Math.floor(random() * 90) * DAY_MS - Math.floor(random() * DAY_MS));
    people.push({
      firstName,
      lastName,
      email,
      company: companyName,
      website: isOutsideMaster ? null : messyWebsite(company.domain, random),
      country: company.country,
      createdAt,
      updatedAt: new Date(Math.min(now.getTime(), createdAt.getTime() + Math.floor(random() * 10) * DAY_MS)),
    });
  }
  return people;
}
