import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../adapters/db/database';
import { createTestOrg, type TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { seedCompanies, type TestCompany } from '../../../../usecases/segments/segmentTestKit';
import { sessionOf, useSegmentFixture } from './segmentRoutesKit';

describe.each(testDatabaseKinds())('segments from uploaded account lists on %s', (kind) => {
  let database: Database;
  const t = useSegmentFixture(kind);
  let org: TestOrg;
  let headers: Record<string, string>;
  let co: TestCompany[];

  beforeAll(async () => {
    ({ database, org } = t);
    headers = await sessionOf(t, org);
    ({ companies: co } = await seedCompanies(database, [
      { name: 'Acme Rockets', country: 'US' },
      { name: 'Globex Chemicals', country: 'DE' },
      { name: '=HYPERLINK("http://evil.example","x")', country: 'FR', domain: 'formula-company.example' },
    ]));
  });

  const company = (i: number): TestCompany => co[i] as TestCompany;
  const upload = (fileName: string, content: Buffer | string) =>
    t.app.inject({ method: 'POST', url: '/api/segment-uploads', headers, payload: { fileName, contentBase64: Buffer.from(content).toString('base64') } });
  const createFrom = (uploadId: string, name = 'Uploaded') => t.app.inject({ method: 'POST', url: '/api/segments', headers, payload: { name, source: { type: 'upload', uploadId } } });

  it('uploads a CSV, builds the segment and shows the confirmation counts, with unmatched rows as CSV', async () => {
    const csv = [
      'Company Name,Website,Country',
      `"${company(0).name}",https://${company(0).domain},United States`,
      `${company(1).name},${company(1).domain},Germany`,
      `${company(0).name},${company(0).domain},US`,
      'Qwxz Unknown Plumbing,qwxz-plumbing.example,FR',
      ',gmail.com,',
    ].join('\r\n');
    const uploaded = await upload('accounts.csv', csv);
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json().upload).toMatchObject({ rowCount: 5, mapping: { name: 0, domain: 1, country: 2 }, isMappingConfirmed: true });
    const created = await createFrom(uploaded.json().upload.id);
    expect(created.statusCode).toBe(201);
    const segment = created.json().segment;
    expect(segment).toMatchObject({ source: { type: 'upload', label: 'Uploaded Account List', fileName: 'accounts.csv' }, counts: { recordsRead: 5, matched: 2, duplicates: 1, unmatched: 2, members: 2 } });
    const confirmation = (await t.app.inject({ method: 'GET', url: `/api/segments/${segment.id}/confirmation`, headers })).json();
    expect(confirmation.unmatched.items.map((r: { rowNumber: number; reason: string }) => [r.rowNumber, r.reason])).toEqual([[5, 'no_candidate'], [6, 'excluded_domain']]);
    const download = await t.app.inject({ method: 'GET', url: `/api/segments/${segment.id}/unmatched.csv`, headers });
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Uploaded-unmatched.csv"; filename*=UTF-8''Uploaded-unmatched.csv`);
    expect(download.body.split('\r\n')[0]).toBe('row,name,domain,country,crm_id,reason,reason_description,best_candidate_company_id,best_candidate_score,equal_fits');
    expect(download.body).toContain('6,,gmail.com,,,excluded_domain,The provided domain is on the exclusion list.');
  });

  it('matches personal e-mail rows on name and country and counts them apart on the confirmation page', async () => {
    const csv = ['Company Name,Email,Country', `"${company(0).name}",jane@gmail.com,United States`, `${company(1).name},bob@hotmail.com,`].join('\r\n');
    const created = await createFrom((await upload('leads.csv', csv)).json().upload.id, 'Web Leads');
    expect(created.json().segment.counts).toMatchObject({ recordsRead: 2, matched: 1, unmatched: 1 });
    const confirmation = (await t.app.inject({ method: 'GET', url: `/api/segments/${created.json().segment.id}/confirmation`, headers })).json();
    expect(confirmation.nameCountryMatches).toBe(1);
    // Without a country the name alone does not settle it: the spec's reason stays.
    expect(confirmation.unmatched.items.map((r: { rowNumber: number; reason: string }) => [r.rowNumber, r.reason])).toEqual([[3, 'excluded_domain']]);
  });

  it('asks for the column mapping when the header is unclear, and builds once it is confirmed', async () => {
    const uploaded = (await upload('weird.csv', `Col A,Col B\n${company(0).name},${company(0).domain}\n${company(1).name},${company(1).domain}\n`)).json().upload;
    expect(uploaded).toMatchObject({ isMappingConfirmed: false, mapping: { name: -1, domain: 1, country: -1 } });
    const refused = await createFrom(uploaded.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('Confirm which columns hold the name, domain and country before creating the segment.');
    const badMapping = await t.app.inject({ method: 'PUT', url: `/api/segment-uploads/${uploaded.id}/mapping`, headers, payload: { name: 1, domain: 1, country: -1 } });
    expect(badMapping.json().message).toBe('Each column can be used for one field only.');
    const mapped = await t.app.inject({ method: 'PUT', url: `/api/segment-uploads/${uploaded.id}/mapping`, headers, payload: { name: 0, domain: 1, country: -1 } });
    expect(mapped.json().upload).toMatchObject({ isMappingConfirmed: true, mapping: { name: 0, domain: 1, country: -1 } });
    expect((await createFrom(uploaded.id)).json().segment.counts).toMatchObject({ matched: 2, members: 2 });
  });

  it('reads XLSX files', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Accounts');
    sheet.addRow(['Account Name', 'Domain', 'Country']);
    sheet.addRow([company(1).name, company(1).domain, 'DE']);
    const uploaded = await upload('accounts.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(uploaded.json().upload).toMatchObject({ rowCount: 1, isMappingConfirmed: true });
    expect((await createFrom(uploaded.json().upload.id)).json().segment.counts).toMatchObject({ matched: 1 });
  });

  it.each<[string, string, string]>([
    ['a broken quote, naming its line', 'bad.csv', `Name,Domain\nAcme,acme.com\n"Broken,x.com\n`],
    ['an empty file', 'empty.csv', ''],
    ['a PDF', 'list.pdf', '%PDF-1.4'],
  ])('refuses %s with a clear error', async (_title, fileName, content) => {
    const response = await upload(fileName, content);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(fileName === 'bad.csv' ? /^Line 3: a quoted field is not closed/ : fileName === 'list.pdf' ? /is neither a CSV/ : /empty/);
  });

  it('exports the accounts as CSV safe against formula injection', async () => {
    const uploaded = (await upload('f.csv', `Name,Domain,Country\n"${company(2).name.replace(/"/g, '""')}",${company(2).domain},FR\n`)).json().upload;
    const segment = (await createFrom(uploaded.id, '=cmd|calc')).json().segment;
    expect(segment.counts.members).toBe(1);
    const file = await t.app.inject({ method: 'GET', url: `/api/segments/${segment.id}/members.csv`, headers });
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toContain('filename="cmd-calc-accounts.csv"');
    const line = file.body.split('\r\n')[1];
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")`);
  });

  it('cannot use another org’s upload', async () => {
    const uploaded = (await upload('mine.csv', `Name,Domain\n${company(0).name},${company(0).domain}\n`)).json().upload;
    const otherOrg = await createTestOrg(database);
    const other = await sessionOf(t, otherOrg);
    const response = await t.app.inject({ method: 'POST', url: '/api/segments', headers: other, payload: { name: 'x', source: { type: 'upload', uploadId: uploaded.id } } });
    expect(response.statusCode).toBe(404);
  });
});
