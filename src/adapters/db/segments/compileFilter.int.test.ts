import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, or, type FilterNode } from '../../../domain/segments/filterTree';
import { validateFilter } from '../../../domain/segments/validateFilter';
import { createTestOrg, type TestOrg } from '../../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../../test/databases';
import { seedCompanies, type TestCompany } from '../../../usecases/segments/segmentTestKit';
import type { Database } from '../database';
import { linkCrmAccounts, replaceSourceCompanies } from './membershipRepo';
import { compileFilter, countFilterQuery, selectFilterQuery } from './compileFilter';
import { queryRows } from './rows';

const dialect = new PgDialect();

describe.each(testDatabaseKinds())('compileFilter on %s', (kind) => {
  let database: Database;
  let org: TestOrg;
  let tag: string;
  let companies: TestCompany[];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrg(database);
    ({ tag, companies } = await seedCompanies(database, [
      { name: 'Alpha', country: 'US', industry: 'Software', employeeRange: '1,000 - 4,999', region: 'North America' },
      { name: 'Beta', country: 'DE', industry: 'Software', employeeRange: '100 - 499', region: 'EMEA' },
      { name: 'Gamma', country: 'US', industry: 'Retail', employeeRange: '1,000 - 4,999', region: 'North America' },
      { name: "O'Brien % Sons", country: 'IE', industry: 'Retail', region: 'EMEA' },
    ]));
    // The tests' industries are tagged so companies of other test files never count.
    await database.query(`UPDATE companies SET industry = industry || ' ${tag}' WHERE id LIKE $1`, [`co-${tag}-%`]);
    await database.query(
      `INSERT INTO crm_accounts (org_id, provider, external_id, name, website, country, owner_name, fields) VALUES
       ($1, 'salesforce', '001A', 'Alpha', 'alpha.com', 'US', 'Ada', '{"Type":"Customer","AnnualRevenue":"5000000","Rating":""}'),
       ($1, 'salesforce', '001B', 'Beta', 'beta.de', 'DE', 'Bob', '{"Type":"Prospect","AnnualRevenue":"not a number","Rating":"Hot"}')`,
      [org.orgId],
    );
    await linkCrmAccounts(database.db, org.orgId, 'salesforce', [{ externalId: '001A', companyId: companies[0]!.id }, { externalId: '001B', companyId: companies[1]!.id }], new Date());
    await replaceSourceCompanies(database.db, org.orgId, 'crm:salesforce:report:00OR', [companies[2]!.id]);
  });
  afterAll(async () => {
    await database.close();
  });

  const industry = (values: string[]): FilterNode => ({ kind: 'company_profile', field: 'industry', operation: { op: 'in', values: values.map((v) => `${v} ${tag}`) } });
  const ours = (): FilterNode => ({ kind: 'company_profile', field: 'industry', operation: { op: 'contains', value: tag } });
  const ids = async (filter: FilterNode) => (await queryRows<{ company_id: string }>(database.db, selectFilterQuery(org.orgId, and(ours(), filter)))).map((r) => r.company_id.split('-').at(-1)).sort();
  const crm = (field: string, operation: Extract<FilterNode, { kind: 'crm_field' }>['operation']): FilterNode => ({ kind: 'crm_field', system: 'salesforce', object: 'account', field, operation });

  it.each<[string, () => FilterNode, string[]]>([
    ['country + industry + employee range', () => and({ kind: 'company_profile', field: 'country', operation: { op: 'in', values: ['us'] } }, industry(['Software', 'Retail']), { kind: 'company_profile', field: 'employeeRange', operation: { op: 'equals', value: '1,000 - 4,999' } }), ['1', '3']],
    ['nested OR inside AND', () => and(or(industry(['Retail']), { kind: 'company_profile', field: 'country', operation: { op: 'equals', value: 'DE' } }), { kind: 'company_profile', field: 'region', operation: { op: 'equals', value: 'EMEA' } }), ['2', '4']],
    ['is empty', () => ({ kind: 'company_profile', field: 'employeeRange', operation: { op: 'is_empty', isEmpty: true } }), ['4']],
    ['contains treats % and _ literally', () => ({ kind: 'company_profile', field: 'industry', operation: { op: 'contains', value: '%' } }), []],
    ['CRM standard field equals', () => crm('ownerName', { op: 'equals', value: 'ada' }), ['1']],
    ['CRM synced field in', () => crm('Type', { op: 'in', values: ['Customer', 'Prospect'] }), ['1', '2']],
    ['CRM numeric range skips non-numbers', () => crm('AnnualRevenue', { op: 'range', min: 1_000_000 }), ['1']],
    ['CRM field is empty', () => crm('Rating', { op: 'is_empty', isEmpty: true }), ['1']],
    ['CRM field not empty', () => crm('Rating', { op: 'is_empty', isEmpty: false }), ['2']],
    ['a CRM field named constructor is a synced field, not an object property', () => crm('constructor', { op: 'is_empty', isEmpty: true }), ['1', '2']],
    ['a CRM field named toString is a synced field, not an object property', () => crm('toString', { op: 'is_empty', isEmpty: false }), []],
    ['Accounts in Salesforce Report', () => ({ kind: 'in_crm_report', provider: 'salesforce', sourceId: '00OR' }), ['3']],
    ['empty AND group matches all', () => and(), ['1', '2', '3', '4']],
  ])('%s', async (_title, filter, expected) => {
    expect(await ids(filter())).toEqual(expected);
  });

  it.each([
    "x' OR '1'='1",
    "'; DROP TABLE companies; --",
    '\\',
    "O'Brien % Sons",
    '$1',
    'NULL',
    '%',
    '\u0000'.replace('\u0000', ' x '),
  ])('treats the malicious value %j as data', async (value) => {
    const filterWith = (v: string) =>
      or(
        { kind: 'company_profile', field: 'industry', operation: { op: 'equals', value: v } },
        { kind: 'company_profile', field: 'region', operation: { op: 'in', values: [v, 'nowhere'] } },
        { kind: 'company_profile', field: 'industry', operation: { op: 'contains', value: v } },
        crm('Type', { op: 'equals', value: v }),
        { kind: 'in_crm_list', provider: 'salesforce', sourceId: v },
      );
    const filter = filterWith(value);
    const query = dialect.sqlToQuery(compileFilter(org.orgId, filter));
    // The SQL text does not depend on the value at all: the value only travels as a parameter.
    expect(query.sql).toBe(dialect.sqlToQuery(compileFilter(org.orgId, filterWith('benign'))).sql);
    expect(query.params).toContain(value);
    expect(await ids(filter)).toEqual([]);
    const [count] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM companies WHERE id LIKE ${`co-${tag}-%`}`);
    expect(count?.n).toBe(4);
  });

  it('finds a name with a quote and a percent sign by name-like search through contains', async () => {
    expect(await ids({ kind: 'company_profile', field: 'region', operation: { op: 'contains', value: 'EME' } })).toEqual(['2', '4']);
  });

  it('refuses a CRM field name carrying SQL before it reaches the compiler', () => {
    expect(validateFilter(crm('Type"; DELETE FROM segments; --', { op: 'is_empty', isEmpty: true })).isValid).toBe(false);
  });

  it('counts with one statement', async () => {
    const query = dialect.sqlToQuery(countFilterQuery(org.orgId, and(ours(), industry(['Software']))));
    expect(query.sql.match(/SELECT/g)).toHaveLength(1);
    const [row] = await queryRows<{ n: number }>(database.db, countFilterQuery(org.orgId, and(ours(), industry(['Software']))));
    expect(row?.n).toBe(2);
  });

  it('never sees another organisation’s CRM data', async () => {
    const other = await createTestOrg(database);
    const rows = await queryRows<{ company_id: string }>(database.db, selectFilterQuery(other.orgId, and(ours(), crm('Type', { op: 'in', values: ['Customer', 'Prospect'] }))));
    expect(rows).toEqual([]);
  });
});
