import { generateDemoCompanies, type DemoCompany } from '../../demo/demoCompanies';
import { formatDateTime, keyPrefixes, makeId } from './ids';
import { emailLocalPart, firstNames, lastNames, messyCompanyName, messyCountry, messyWebsite, personalEmailDomains, seededRandom, titles, type Random } from './messySpellings';
import { addDemoSources } from './demoSources';
import { SalesforceOrgState, type FieldValue, type SalesforceOrgClock, type SObjectRecord } from './state';

export interface DemoOrgOptions {
  /** Accounts drawn from the demo master database (default 3,000). */
  readonly accountCount?: number;
  /** Default: one per account. */
  readonly contactCount?: number;
  /** Default: 4/3 per account, so the all-leads report exceeds 2,000 rows. */
  readonly leadCount?: number;
  /** Extra accounts from a "Legacy ERP Import" behind the oversized list view (default 0: the view then holds none). */
  readonly legacyImportAccountCount?: number;
  readonly seed?: number;
  readonly clock?: SalesforceOrgClock;
  readonly dailyApiLimit?: number;
  readonly sessionTimeoutMs?: number;
  readonly isRefreshTokenRotating?: boolean;
}

export const demoCredentials = {
  clientId: '3MVG9demoOpenAbmEmulatorConsumerKey.sandbox',
  clientSecret: 'E0A5D1B2C3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6E7F8A9B0',
  refreshToken: '5Aep861demoOpenAbmEmulatorRefreshTokenForTheIntegrationUser',
  username: 'integration@openabm-demo.example',
} as const;

const DAY_MS = 86_400_000;

const users: readonly { name: string; alias: string; username: string; isActive: boolean }[] = [
  { name: 'Integration User', alias: 'integ', username: demoCredentials.username, isActive: true },
  { name: 'Avery Morgan', alias: 'amorg', username: 'avery.morgan@openabm-demo.example', isActive: true },
  { name: 'Jordan Lee', alias: 'jlee', username: 'jordan.lee@openabm-demo.example', isActive: true },
  { name: 'Sam Patel', alias: 'spate', username: 'sam.patel@openabm-demo.example', isActive: true },
  { name: 'Taylor Chen', alias: 'tchen', username: 'taylor.chen@openabm-demo.example', isActive: true },
  { name: 'Riley Schmidt', alias: 'rschm', username: 'riley.schmidt@openabm-demo.example', isActive: true },
  { name: 'Casey Dubois', alias: 'cdubo', username: 'casey.dubois@openabm-demo.example', isActive: true },
  { name: 'Morgan Rossi', alias: 'mross', username: 'morgan.rossi@openabm-demo.example', isActive: false },
];

/**
 * The emulator's demo org, generated deterministically from the seed: accounts, contacts and leads whose companies
 * come from the demo master database (generateDemoCompanies) with messy real-world spellings, a few duplicates,
 * companies not in the master, personal e-mail domains, converted leads, owners and modification stamps; plus list
 * views and reports of every kind the sync rules mention (demoSources.ts).
 */
export function createDemoOrg(options: DemoOrgOptions = {}): SalesforceOrgState {
  const accountCount = options.accountCount ?? 3_000;
  const contactCount = options.contactCount ?? accountCount;
  const leadCount = options.leadCount ?? Math.round((accountCount * 4) / 3);
  const legacyCount = options.legacyImportAccountCount ?? 0;
  const seed = options.seed ?? 1;
  const clock = options.clock ?? { now: () => new Date() };
  const random = seededRandom(seed * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const leadOnlyCompanyCount = Math.ceil(leadCount * 0.25);
  const companies = generateDemoCompanies(accountCount + leadOnlyCompanyCount + legacyCount, seed);
  const state = new SalesforceOrgState({
    orgId: makeId(keyPrefixes.Organization, 1),
    orgName: 'Acme Demo Org',
    app: { clientId: demoCredentials.clientId, clientSecret: demoCredentials.clientSecret },
    integrationUserId: makeId(keyPrefixes.User, 1),
    clock,
    dailyApiLimit: options.dailyApiLimit ?? 100_000,
    sessionTimeoutMs: options.sessionTimeoutMs ?? 2 * 60 * 60 * 1000,
    isRefreshTokenRotating: options.isRefreshTokenRotating ?? false,
  });
  // Stamps lie before the start of today, so the same seed gives the same org all day long.
  const generatedAtMs = Math.floor(clock.now().getTime() / DAY_MS) * DAY_MS - 60_000;
  const stamps = (maxAgeDays: number) => {
    const createdMs = generatedAtMs - Math.floor(random() * maxAgeDays * DAY_MS);
    const modifiedMs = createdMs + Math.floor(random() * (generatedAtMs - createdMs));
    const modified = formatDateTime(new Date(modifiedMs));
    return { CreatedDate: formatDateTime(new Date(createdMs)), LastModifiedDate: modified, SystemModstamp: modified };
  };

  const userIds = users.map((user) => {
    const id = state.nextId('User');
    state.put('User', { Id: id, Username: user.username, Name: user.name, Alias: user.alias, Email: user.username, IsActive: user.isActive, IsDeleted: false, ...stamps(2000) });
    return id;
  });
  const integrationUserId = userIds[0] ?? '';
  // Reps own most accounts; the integration user owns a few (so "My Accounts" views and reports hold some).
  const ownerFor = () => (random() < 0.05 ? integrationUserId : (userIds[1 + Math.floor(random() * (userIds.length - 1))] ?? integrationUserId));
  // Fields left out of a record read as null: a 100,000-account org stays small and quick to build.
  const makeRecord = (sobjectType: string, maxAgeDays: number, fields: Record<string, FieldValue>): SObjectRecord => {
    const owner = ownerFor();
    const stamped = stamps(maxAgeDays);
    const record = Object.assign(fields, { Id: state.nextId(sobjectType), IsDeleted: false, OwnerId: owner, CreatedById: owner, LastModifiedById: owner }, stamped);
    return state.put(sobjectType, record as SObjectRecord);
  };

  const accountFields = (company: DemoCompany, source: string): Record<string, FieldValue> => ({
    Name: messyCompanyName(company.name, random),
    Website: messyWebsite(company.domain, random),
    BillingCountry: messyCountry(company.country, random),
    BillingCity: random() < 0.85 ? company.city : null,
    BillingState: random() < 0.6 ? company.region : null,
    Industry: random() < 0.8 ? company.industry : null,
    NumberOfEmployees: employeesFrom(company.employeeRange, random),
    AnnualRevenue: null,
    Type: pick(['Prospect', 'Prospect', 'Prospect', 'Customer - Direct', 'Customer - Channel', 'Other']),
    AccountSource: source,
    Rating: pick(['Hot', 'Warm', 'Cold', null]),
    Credit_Rating__c: pick(['AAA', 'AA', 'A', 'B', 'C', null]),
    Phone: null,
    ParentId: null,
  });

  const accounts: { record: SObjectRecord; domain: string | null }[] = [];
  for (let index = 0; index < accountCount; index++) {
    const roll = random();
    let company = companies[index] as DemoCompany;
    // ~3% duplicate an earlier account under another spelling; ~4% are local firms missing from the master.
    if (roll < 0.03 && accounts.length > 0) company = companies[Math.floor(random() * accounts.length)] as DemoCompany;
    const fields = roll >= 0.03 && roll < 0.07 ? notInMaster(company, random) : accountFields(company, pick(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']));
    const record = makeRecord('Account', 1500, fields);
    accounts.push({ record, domain: roll >= 0.03 && roll < 0.07 ? null : company.domain });
  }
  for (let index = 0; index < legacyCount; index++) {
    const company = companies[accountCount + leadOnlyCompanyCount + index] as DemoCompany;
    makeRecord('Account', 3000, accountFields(company, 'Legacy ERP Import'));
  }

  const contactsByAccount = new Map<string, string>();
  const person = (domain: string | null) => {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const emailDomain = domain === null || random() < 0.1 ? pick(personalEmailDomains) : domain;
    return { FirstName: random() < 0.97 ? first : null, LastName: last, Name: `${first} ${last}`, Email: random() < 0.93 ? `${emailLocalPart(first, last, random)}@${emailDomain}` : null, Title: pick(titles) };
  };
  for (let index = 0; index < contactCount && accounts.length > 0; index++) {
    const account = pick(accounts);
    const fields = { ...person(account.domain), AccountId: random() < 0.96 ? account.record.Id : null, MailingCountry: typeof account.record.BillingCountry === 'string' ? account.record.BillingCountry : null, Phone: null };
    const record = makeRecord('Contact', 1200, fields);
    if (fields.AccountId && !contactsByAccount.has(fields.AccountId)) contactsByAccount.set(fields.AccountId, record.Id);
  }

  for (let index = 0; index < leadCount; index++) {
    const roll = random();
    const account = accounts.length > 0 && roll < 0.65 ? pick(accounts) : undefined;
    const company = account ? undefined : roll < 0.9 ? companies[accountCount + Math.floor(random() * leadOnlyCompanyCount)] : undefined;
    const domain = account?.domain ?? company?.domain ?? null;
    const companyName = account ? messyCompanyName(String(account.record.Name).trim(), random) : company ? messyCompanyName(company.name, random) : `${pick(lastNames)} ${pick(['Consulting', 'Design Studio', 'Plumbing', 'Bakery', 'Family Office'])}`;
    const isConverted = account !== undefined && random() < 0.2;
    const fields: Record<string, FieldValue> = {
      ...person(domain),
      Company: companyName,
      Website: domain && random() < 0.6 ? messyWebsite(domain, random) : null,
      Country: company ? messyCountry(company.country, random) : account ? (account.record.BillingCountry ?? null) : null,
      LeadSource: pick(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
      Status: isConverted ? 'Closed - Converted' : pick(['Open - Not Contacted', 'Working - Contacted', 'Closed - Not Converted']),
      IsConverted: isConverted,
      ConvertedAccountId: isConverted ? (account?.record.Id ?? null) : null,
      ConvertedContactId: isConverted && account ? (contactsByAccount.get(account.record.Id) ?? null) : null,
    };
    const lead = makeRecord('Lead', 900, fields);
    if (isConverted) state.put('Lead', { ...lead, ConvertedDate: String(lead.LastModifiedDate).slice(0, 10) });
  }

  state.hiddenFields.set('Account', new Set(['Credit_Rating__c']));
  addDemoSources(state, userIds);
  state.tokens.issueRefreshToken(integrationUserId, demoCredentials.refreshToken);
  return state;
}

function employeesFrom(range: string, random: Random): number | null {
  if (random() < 0.25) return null;
  const [low, high] = range.replace('+', '-').split('-').map((part) => Number(part));
  const from = low ?? 1;
  const to = high && high > from ? high : from * 3;
  return Math.floor(from + random() * (to - from));
}

/** A small local firm the master database does not know (a plumber, a practice), in the master company's city. */
function notInMaster(company: DemoCompany, random: Random): Record<string, FieldValue> {
  const last = lastNames[Math.floor(random() * lastNames.length)] ?? 'Smith';
  const trade = ['Plumbing', 'Dental Practice', 'Landscaping', 'Auto Repair', 'Bakery', 'Law Office', 'Catering'][Math.floor(random() * 7)] ?? 'Services';
  const slug = `${last}${trade}`.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return {
    Name: `${last} ${trade}`, Website: random() < 0.5 ? `www.${slug}.com` : null, BillingCountry: company.country, BillingCity: company.city,
    BillingState: null, Industry: null, NumberOfEmployees: Math.floor(1 + random() * 20), AnnualRevenue: null, Type: 'Prospect',
    AccountSource: 'Web', Rating: null, Credit_Rating__c: null, Phone: null, ParentId: null,
  };
}
