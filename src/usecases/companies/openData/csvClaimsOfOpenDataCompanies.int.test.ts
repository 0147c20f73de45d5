import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../test/databases';
import { useOwnTestDatabase } from '../../../test/ownTestDatabase';
import { importCompanies } from '../importCompanies';
import { csvChunks, importSample, sample } from './openDataSamples';

// An operator's CSV row of an open data company (company_id lei:…, cik:…, wikidata:Q…) claims that identifier: in
// whatever order the row, GLEIF or SEC, and a Wikidata item carrying the LEI or CIK arrive, they end as one company
// holding every record, with the CSV's fields. A database of the file's own: the tests empty the master.

const lei = '9695005MSX1OYEMGDF46';
const cik = '0007777777';
const qid = 'Q950001';

type Step = 'csv' | 'gleif' | 'sec' | 'wikidata';

describe.each(testDatabaseKinds())('an operator’s CSV row of an open data company, before or after its data sets (%s)', (kind) => {
  const own = useOwnTestDatabase(kind);

  let importsMade = 0;
  const at = () => new Date(Date.UTC(2026, 11, 5, 9, 0, importsMade++));
  const gleifHeader = sample('gleif-golden-copy-sample.csv').split('\n')[0] ?? '';
  const files = {
    gleif: [gleifHeader, `"${lei}","Tarn Verwaltungs AG","de","","","","","","","1 Ringstraße","Berlin","","DE","10115","DE","2HBR","","ACTIVE","ISSUED"`].join('\n'),
    sec: `{"0":{"cik_str":${Number(cik)},"ticker":"TARN","title":"TARN INDUSTRIES INC"}}`,
    // The item carries the LEI or the CIK (never both here: an LEI and a CIK naming two companies is a conflict).
    wikidata: (identifier: 'lei' | 'cik') => `qid,name,website,country,industry,employees,lei,cik\n${qid},Tarn Group,https://tarngroup.at,Austria,holding,,${identifier === 'lei' ? lei : ''},${identifier === 'cik' ? cik : ''}`,
  };
  const importCsv = (companyId: string) =>
    importCompanies({ chunks: csvChunks(`company_id,name,domain,country\n${companyId},Tarn Holding,tarn-holding.at,AT`), file: 'operator.csv', importedAt: at() }, { db: own.database.db });
  const masterCompanies = () =>
    own.database.query<{ id: string; name: string; domain: string | null; country: string | null; provenance: { source: string; sourceId: string }[] | null }>(
      'SELECT id, name, domain, country, provenance FROM companies WHERE org_id IS NULL ORDER BY id',
    );

  /** Runs the imports in order; after each, an org's CRM account names every master company there is (as tenants' rows do). */
  async function run(steps: readonly Step[], csvId: string, identifier: 'lei' | 'cik') {
    await own.database.query('DELETE FROM companies WHERE org_id IS NULL');
    const { orgId } = await createTestOrg(own.database);
    const conflicts: unknown[] = [];
    for (const [n, step] of steps.entries()) {
      if (step === 'csv') {
        expect(await importCsv(csvId)).toEqual({ upserted: 1, rejected: [] });
      } else {
        const text = step === 'wikidata' ? files.wikidata(identifier) : files[step];
        const result = await importSample(own.database, step, { file: `${step}.csv`, importedAt: at(), text });
        expect(result.rejected).toEqual([]);
        conflicts.push(...result.identifierConflicts);
      }
      for (const [m, { id }] of (await masterCompanies()).entries()) {
        await own.database.query(`INSERT INTO crm_account_companies (org_id, provider, external_id, company_id) VALUES ($1, 'salesforce', $2, $3)`, [orgId, `acc-${n}-${m}`, id]);
      }
    }
    expect(conflicts).toEqual([]);
    return { orgId };
  }

  /** One company holding every record, with the CSV's fields; every CRM account names it. */
  async function expectOneCompany(orgId: string, records: readonly string[]) {
    const companies = await masterCompanies();
    expect(companies.map((company) => company.provenance?.map((entry) => `${entry.source}:${entry.sourceId}`).sort())).toEqual([[...records].sort()]);
    const [company] = companies;
    expect(company).toMatchObject({ name: 'Tarn Holding', domain: 'tarn-holding.at', country: 'AT' });
    const named = await own.database.query<{ company_id: string }>('SELECT DISTINCT company_id FROM crm_account_companies WHERE org_id = $1', [orgId]);
    expect(named).toEqual([{ company_id: company?.id }]);
    return company;
  }

  const leiOrders: Step[][] = [
    ['csv', 'wikidata', 'gleif'],
    ['csv', 'gleif', 'wikidata'],
    ['wikidata', 'csv', 'gleif'],
    ['gleif', 'csv', 'wikidata'],
  ];
  it.each(leiOrders)('lei: %s → %s → %s: one company', async (...steps) => {
    const { orgId } = await run(steps, `lei:${lei}`, 'lei');
    await expectOneCompany(orgId, [`csv:lei:${lei}`, `gleif:${lei}`, `wikidata:${qid}`]);
  });

  const cikOrders: Step[][] = [
    ['csv', 'wikidata', 'sec'],
    ['csv', 'sec', 'wikidata'],
    ['wikidata', 'csv', 'sec'],
    ['sec', 'csv', 'wikidata'],
  ];
  it.each(cikOrders)('cik: %s → %s → %s: one company', async (...steps) => {
    const { orgId } = await run(steps, `cik:${cik}`, 'cik');
    await expectOneCompany(orgId, [`csv:cik:${cik}`, `sec:${cik}`, `wikidata:${qid}`]);
  });

  // A row of the Wikidata item's id: GLEIF's record cannot know it; the item, carrying GLEIF's LEI, joins the two.
  const itemOrders: Step[][] = [
    ['csv', 'gleif', 'wikidata'],
    ['gleif', 'csv', 'wikidata'],
    ['csv', 'wikidata', 'gleif'],
    ['wikidata', 'gleif', 'csv'],
  ];
  it.each(itemOrders)('wikidata: %s → %s → %s: one company', async (...steps) => {
    const { orgId } = await run(steps, `wikidata:${qid}`, 'lei');
    await expectOneCompany(orgId, [`csv:wikidata:${qid}`, `gleif:${lei}`, `wikidata:${qid}`]);
  });

  // Two data-set companies carry the identifier (GLEIF's or SEC's record with the item that carries it, and a second
  // item carrying it too, a company of its own as a conflict); the operator writes the id as people do (an LEI in
  // lower case, a CIK without its leading zeros): the row joins the company of the data set record of exactly that
  // LEI or CIK. It made a company of its own, and the next import reported the two companies as a conflict.
  it.each([
    ['lei', `lei:${lei.toLowerCase()}`, `gleif:${lei}`, `lei:${lei}`],
    ['cik', `cik:${Number(cik)}`, `sec:${cik}`, `cik:${cik}`],
  ] as const)('%s: a CSV row of %s joins the company of %s, though another item carries the identifier too', async (identifier, csvId, record, companyId) => {
    await own.database.query('DELETE FROM companies WHERE org_id IS NULL');
    const dataSet = identifier === 'lei' ? 'gleif' : 'sec';
    await importSample(own.database, dataSet, { file: `${dataSet}.csv`, importedAt: at(), text: files[dataSet] });
    const secondItem = `Q950002,Tarn Brand,https://tarn-brand.at,Austria,brand,,${identifier === 'lei' ? lei : ''},${identifier === 'cik' ? cik : ''}`;
    const items = await importSample(own.database, 'wikidata', { file: 'wikidata.csv', importedAt: at(), text: `${files.wikidata(identifier)}\n${secondItem}` });
    expect(items.identifierConflicts.map((conflict) => conflict.reason)).toEqual([expect.stringMatching(/^Q950002: /)]);

    expect(await importCsv(csvId)).toEqual({ upserted: 1, rejected: [] });
    const companies = await masterCompanies();
    expect(companies.map((company) => [company.id, company.provenance?.map((entry) => `${entry.source}:${entry.sourceId}`).sort()])).toEqual([
      [companyId, [`csv:${csvId}`, record, `wikidata:${qid}`].sort()],
      ['wikidata:Q950002', ['wikidata:Q950002']],
    ]);
    expect(companies[0]).toMatchObject({ name: 'Tarn Holding', domain: 'tarn-holding.at', country: 'AT' });
    const again = await importSample(own.database, dataSet, { file: `${dataSet}-2.csv`, importedAt: at(), text: files[dataSet] });
    expect(again).toMatchObject({ companiesJoined: [], identifierConflicts: [expect.objectContaining({ reason: expect.not.stringContaining(csvId) })] });
    expect((await masterCompanies()).map((company) => company.id)).toEqual([companyId, 'wikidata:Q950002']);
  });

  it('the Wikidata item and GLEIF’s record after a CSV row of the LEI: each merged by identifier, none created', async () => {
    await run(['csv'], `lei:${lei}`, 'lei');
    const item = await importSample(own.database, 'wikidata', { file: 'wikidata-2.csv', importedAt: at(), text: files.wikidata('lei') });
    expect(item).toMatchObject({ upserted: 1, created: 0, merged: 1, mergedByIdentifier: 1, companiesJoined: [] });
    const gleif = await importSample(own.database, 'gleif', { file: 'gleif-2.csv', importedAt: at(), text: files.gleif });
    expect(gleif).toMatchObject({ upserted: 1, created: 0, merged: 1, mergedByIdentifier: 1, companiesJoined: [] });
  });

  it('a company split by an earlier version (the CSV row’s record without match keys) is joined by the next import after migration 0936; tenants’ rows follow', async () => {
    await own.database.query('DELETE FROM companies WHERE org_id IS NULL');
    const { orgId } = await createTestOrg(own.database);
    await importCsv(`lei:${lei}`);
    // As the CSV import wrote it before: no identifier, no lookup key, keys of the current version.
    await own.database.query(`UPDATE company_sources SET identifiers = '{}', keys_version = 2 WHERE source = 'csv'`);
    await own.database.query(`DELETE FROM company_source_keys WHERE source = 'csv'`);
    await importSample(own.database, 'wikidata', { file: 'wikidata.csv', importedAt: at(), text: files.wikidata('lei') });
    await importSample(own.database, 'gleif', { file: 'gleif.csv', importedAt: at(), text: files.gleif });
    expect((await masterCompanies()).map((company) => company.id)).toEqual([`lei:${lei}`, `wikidata:${qid}`]);
    await own.database.query(`INSERT INTO crm_account_companies (org_id, provider, external_id, company_id) VALUES ($1, 'salesforce', 'acc-1', $2), ($1, 'salesforce', 'acc-2', $3)`, [orgId, `lei:${lei}`, `wikidata:${qid}`]);

    const migration = readFileSync(path.join(import.meta.dirname, '../../../adapters/db/migrations/0936_csv_claims_of_open_data_companies.sql'), 'utf8');
    await own.database.execScript(migration);
    const again = await importSample(own.database, 'gleif', { file: 'gleif-2.csv', importedAt: at(), text: files.gleif });
    // The CSV's company got its first record first: it survives.
    expect(again.companiesJoined).toEqual([{ line: 2, reason: `${lei}: lei:${lei} → company lei:${lei}: company wikidata:${qid} merged into company lei:${lei}` }]);
    const company = await expectOneCompany(orgId, [`csv:lei:${lei}`, `gleif:${lei}`, `wikidata:${qid}`]);
    expect(company?.id).toBe(`lei:${lei}`);
  });
});
