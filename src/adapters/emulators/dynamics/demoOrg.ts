import { generateDemoCompanies, type DemoCompany } from '../../demo/demoCompanies';
import type { EntityRow } from './entities';
import { jobTitle, messyCountry, messyName, messyWebsite, mulberry32, personName, pickFrom, seededGuid, workEmail, type Random } from './messySpellings';
import { dataverseTimestamp, type DynamicsState, type SystemUser } from './state';
import { demoViews } from './demoViews';

export interface DemoOrgOptions {
  /** Active accounts built from the demo master database (default 3,000). */
  readonly accountCount: number;
  /** Inactive accounts of an old trade-show import (default 25,000): they make "All Accounts" exceed 25,000. */
  readonly inactiveAccountCount: number;
  readonly seed: number;
}

/** Where this emulator starts reading the master database, so its accounts differ from the Salesforce emulator's. */
const MASTER_OFFSET = 20_000;
const MASTER_SIZE = 50_000;

const INDUSTRY_CODE_BY_DEMO_INDUSTRY: Readonly<Record<string, number>> = {
  Software: 25, 'IT Services': 25, Analytics: 25, Security: 25, 'Financial Services': 12, Insurance: 12, Healthcare: 33,
  Pharmaceuticals: 33, Manufacturing: 17, Automotive: 17, 'Aerospace & Defense': 17, Chemicals: 17, Construction: 17,
  'Consumer Goods': 17, Logistics: 28, Retail: 19, 'Food & Beverage': 13, Energy: 29, Telecommunications: 26,
  'Marketing & Advertising': 9, Education: 8, Hospitality: 8, 'Professional Services': 7, 'Legal Services': 6,
  'Real Estate': 4, Agriculture: 2,
};

const EMPLOYEES_BY_RANGE: Readonly<Record<string, number>> = {
  '1-10': 6, '11-50': 30, '51-200': 120, '201-500': 350, '501-1000': 750, '1001-5000': 2500, '5001-10000': 7000, '10001+': 25000,
};
const REVENUE_BY_RANGE: Readonly<Record<string, number>> = {
  '<$1M': 600_000, '$1M-$10M': 4_000_000, '$10M-$50M': 25_000_000, '$50M-$100M': 75_000_000, '$100M-$500M': 250_000_000,
  '$500M-$1B': 700_000_000, '$1B+': 3_000_000_000,
};

const SALES_REPS = ['Alex Morgan', 'Priya Natarajan', 'Jonas Weber', 'Camille Laurent', 'Kenta Sato', 'Maria Gonzalez', 'Tom Becker', 'Grace Okafor'];

/** Fills the state with users, accounts, contacts, leads and views. Same options → same org. */
export function seedDemoOrg(state: DynamicsState, options: DemoOrgOptions): void {
  const random = mulberry32(options.seed);
  const reps: SystemUser[] = SALES_REPS.map((fullname) => ({
    systemuserid: seededGuid(random),
    fullname,
    domainname: `${fullname.toLowerCase().replace(/[^a-z]+/g, '.')}@contoso-demo.onmicrosoft.com`,
  }));
  state.users.push(...reps);
  const owners = [state.integrationUser, ...reps];
  const now = state.nowMs();
  const master = generateDemoCompanies(MASTER_SIZE);
  const companyAt = (index: number): DemoCompany => master[(MASTER_OFFSET + index) % master.length] as DemoCompany;
  const stamp = (maxDaysAgo: number, minDaysAgo = 0): string =>
    dataverseTimestamp(new Date(now - (minDaysAgo + random() * (maxDaysAgo - minDaysAgo)) * 86_400_000));

  const activeAccounts: Array<{ row: EntityRow; company: DemoCompany }> = [];
  for (let index = 0; index < options.accountCount; index += 1) {
    const company = companyAt(index);
    const row = accountRow(random, company, pickFrom(random, owners), stamp(720, 30), stamp(30), 0);
    state.insert('accounts', row);
    activeAccounts.push({ row, company });
  }
  for (let index = 0; index < options.inactiveAccountCount; index += 1) {
    const company = companyAt(options.accountCount + index);
    const created = stamp(2400, 1500);
    const row = accountRow(random, company, pickFrom(random, owners), created, created, 1);
    row.websiteurl = null;
    row.accountnumber = `TS19-${String(index + 1).padStart(6, '0')}`;
    state.insert('accounts', row);
  }

  const firstContactByAccount = new Map<string, string>();
  for (const { row: account, company } of activeAccounts) {
    const contactCount = Math.floor(random() * 4);
    for (let n = 0; n < contactCount; n += 1) {
      const person = personName(random);
      const contactid = seededGuid(random);
      if (n === 0) firstContactByAccount.set(String(account.accountid), contactid);
      state.insert('contacts', {
        contactid,
        fullname: `${person.firstname} ${person.lastname}`,
        firstname: person.firstname,
        lastname: person.lastname,
        emailaddress1: random() < 0.9 ? workEmail(random, person.firstname, person.lastname, company.domain) : null,
        jobtitle: jobTitle(random),
        telephone1: random() < 0.5 ? `+1 555 ${String(Math.floor(random() * 9000) + 1000)}` : null,
        address1_country: random() < 0.7 ? account.address1_country ?? null : messyCountry(random, company.country),
        _parentcustomerid_value: account.accountid ?? null,
        statecode: 0,
        statuscode: 1,
        _ownerid_value: account._ownerid_value ?? null,
        createdon: stamp(600, 20),
        modifiedon: stamp(20),
        versionnumber: 1000 + Math.floor(random() * 100_000),
      });
    }
  }

  const leadCount = Math.round(options.accountCount * 0.7);
  for (let index = 0; index < leadCount; index += 1) {
    const isQualified = random() < 0.25;
    const converted = isQualified ? pickFrom(random, activeAccounts) : undefined;
    const company = converted?.company ?? companyAt(options.accountCount + options.inactiveAccountCount + index);
    const person = personName(random);
    const convertedContactId = converted ? firstContactByAccount.get(String(converted.row.accountid)) : undefined;
    state.insert('leads', {
      leadid: seededGuid(random),
      fullname: `${person.firstname} ${person.lastname}`,
      firstname: person.firstname,
      lastname: person.lastname,
      subject: pickFrom(random, ['Webinar signup', 'Pricing request', 'Trade show scan', 'Content download', 'Contact us form']),
      companyname: messyName(random, company.name),
      emailaddress1: workEmail(random, person.firstname, person.lastname, company.domain),
      websiteurl: messyWebsite(random, company.domain),
      address1_country: messyCountry(random, company.country),
      statecode: isQualified ? 1 : random() < 0.15 ? 2 : 0,
      statuscode: isQualified ? 3 : 1,
      _parentaccountid_value: converted ? (converted.row.accountid ?? null) : null,
      _parentcontactid_value: convertedContactId ?? null,
      _ownerid_value: pickFrom(random, owners).systemuserid,
      createdon: stamp(400, 10),
      modifiedon: stamp(10),
      versionnumber: 1000 + Math.floor(random() * 100_000),
    });
  }

  state.securedColumns.set('account', new Set(['new_revenuetier']));
  const otherUser = reps[0] as SystemUser;
  const thirdUser = reps[1] as SystemUser;
  state.views.push(...demoViews(random, { integrationUserId: state.integrationUser.systemuserid, otherUserId: otherUser.systemuserid, thirdUserId: thirdUser.systemuserid }));
}

function accountRow(random: Random, company: DemoCompany, owner: SystemUser, createdon: string, modifiedon: string, statecode: 0 | 1): EntityRow {
  const revenue = REVENUE_BY_RANGE[company.revenueRange];
  return {
    accountid: seededGuid(random),
    name: messyName(random, company.name),
    accountnumber: random() < 0.6 ? `ACC-${String(Math.floor(random() * 900_000) + 100_000)}` : null,
    websiteurl: messyWebsite(random, company.domain),
    telephone1: random() < 0.6 ? `+${1 + Math.floor(random() * 90)} ${Math.floor(random() * 900) + 100} ${Math.floor(random() * 9_000_000) + 1_000_000}` : null,
    address1_city: random() < 0.85 ? company.city : null,
    address1_stateorprovince: random() < 0.6 ? company.region : null,
    address1_country: messyCountry(random, company.country),
    industrycode: random() < 0.8 ? (INDUSTRY_CODE_BY_DEMO_INDUSTRY[company.industry] ?? null) : null,
    numberofemployees: random() < 0.7 ? (EMPLOYEES_BY_RANGE[company.employeeRange] ?? null) : null,
    revenue: revenue !== undefined && random() < 0.6 ? revenue : null,
    new_revenuetier: revenue === undefined ? null : revenue >= 250_000_000 ? 'Tier 1' : revenue >= 25_000_000 ? 'Tier 2' : 'Tier 3',
    statecode,
    statuscode: statecode === 0 ? 1 : 2,
    _ownerid_value: owner.systemuserid,
    createdon,
    modifiedon,
    versionnumber: 1000 + Math.floor(random() * 100_000),
  };
}
