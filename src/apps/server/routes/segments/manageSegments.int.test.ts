import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../adapters/db/database';
import { createTestOrg, type TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { crmAccount, seedCompanies, type TestCompany } from '../../../../usecases/segments/segmentTestKit';
import { sessionOf, useSegmentFixture } from './segmentRoutesKit';

describe.each(testDatabaseKinds())('managing segments and account details on %s', (kind) => {
  let database: Database;
  const t = useSegmentFixture(kind);
  let org: TestOrg;
  let marketer: Record<string, string>;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;
  let co: TestCompany[];
  let tag: string;

  beforeAll(async () => {
    ({ database, org } = t);
    marketer = await sessionOf(t, org, 'marketing_user');
    admin = await sessionOf(t, org, 'abm_admin');
    viewer = await sessionOf(t, org, 'view_only');
    ({ tag, companies: co } = await seedCompanies(database, [
      { name: 'Acme Rockets', country: 'US', industry: 'Aerospace', employeeRange: '1,000 - 4,999' },
      { name: 'Globex Chemicals', country: 'DE', industry: 'Chemicals', employeeRange: '100 - 499' },
      { name: 'Initech Software', country: 'US', industry: 'Software', employeeRange: '10 - 49' },
    ]));
    await database.query(
      `INSERT INTO crm_accounts (org_id, provider, external_id, name, website, country, owner_name, fields) VALUES ($1, 'salesforce', '001A', $2, $3, 'US', 'Ada Owner', '{"Type":"Customer"}')`,
      [org.orgId, company(0).name, company(0).domain],
    );
    t.crm.set('00B-all', { name: 'All Accounts', objectType: 'account', records: [crmAccount('001A', company(0)), crmAccount('001B', company(1)), crmAccount('001C', company(2))] });
  });

  const company = (i: number): TestCompany => co[i] as TestCompany;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const createList = async (name: string, extra: object = {}) => (await call('POST', '/api/segments', marketer, { name, source: { type: 'crm_list', provider: 'salesforce', sourceId: '00B-all' }, ...extra })).json().segment;

  it('creates folders, lists segments by folder, search, source type, owner and status, with the activations column', async () => {
    const folder = (await call('POST', '/api/segment-folders', marketer, { name: `Territories ${tag}` })).json().folder;
    expect((await call('POST', '/api/segment-folders', marketer, { name: `territories ${tag}` })).statusCode).toBe(409);
    const inFolder = await createList(`EMEA ${tag}`, { folderId: folder.id });
    const loose = await createList(`Americas ${tag}`);
    const byFolder = (await call('GET', `/api/segments?folderId=${folder.id}`, viewer)).json();
    expect(byFolder.items.map((s: { id: string }) => s.id)).toEqual([inFolder.id]);
    expect(byFolder.items[0]).toMatchObject({ folder: { id: folder.id, name: `Territories ${tag}` }, owner: { userId: org.userIds.marketing_user }, activations: { activeSyncCount: 0, isPublished: false } });
    expect((await call('GET', '/api/segments?folderId=none', viewer)).json().items.map((s: { id: string }) => s.id)).toContain(loose.id);
    expect((await call('GET', `/api/segments?search=${encodeURIComponent(`americas ${tag}`)}`, viewer)).json().items.map((s: { id: string }) => s.id)).toEqual([loose.id]);
    expect((await call('GET', '/api/segments?sourceType=upload', viewer)).json().total).toBe(0);
    expect((await call('GET', `/api/segments?ownerUserId=${org.userIds.abm_admin}`, viewer)).json().total).toBe(0);
    expect((await call('GET', '/api/segments?status=ready&sort=name&direction=asc', viewer)).json().total).toBeGreaterThanOrEqual(2);
    expect((await call('GET', '/api/segments?refreshedAfter=2030-01-01T00:00:00Z', viewer)).json().total).toBe(0);
    expect((await call('GET', '/api/segment-folders', viewer)).json().items).toContainEqual({ id: folder.id, name: `Territories ${tag}`, segmentCount: 1 });
  });

  it('renames, moves, changes filters, duplicates and deletes by role', async () => {
    const segment = await createList('Original');
    const folder = (await call('POST', '/api/segment-folders', marketer, { name: `Moves ${tag}` })).json().folder;
    expect((await call('PATCH', `/api/segments/${segment.id}`, viewer, { name: 'Nope' })).statusCode).toBe(403);
    const renamed = (await call('PATCH', `/api/segments/${segment.id}`, marketer, { name: 'Renamed', folderId: folder.id })).json().segment;
    expect(renamed).toMatchObject({ name: 'Renamed', folder: { id: folder.id }, memberCount: 3 });
    const narrowed = (await call('PATCH', `/api/segments/${segment.id}`, marketer, { filter: { kind: 'company_profile', field: 'country', operation: { op: 'equals', value: 'US' } } })).json().segment;
    expect(narrowed).toMatchObject({ memberCount: 2, counts: { matched: 3, members: 2 } });
    const copy = (await call('POST', `/api/segments/${segment.id}/duplicate`, marketer, {})).json().segment;
    expect(copy).toMatchObject({ name: 'Renamed (copy)', memberCount: 2, folder: { id: folder.id } });
    expect((await call('GET', `/api/segments/${copy.id}/members`, viewer)).json().total).toBe(2);
    expect((await call('DELETE', `/api/segments/${copy.id}`, viewer)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/segments/${copy.id}`, marketer)).json()).toEqual({ deletedSegmentId: copy.id });
    expect((await call('GET', `/api/segments/${copy.id}`, viewer)).statusCode).toBe(404);
  });

  it('refuses to delete a segment while it is synced or published, with a clear message', async () => {
    const segment = await createList('Synced');
    t.activations.bySegment.set(segment.id, { activeSyncCount: 2, isPublished: true });
    const detail = (await call('GET', `/api/segments/${segment.id}`, viewer)).json().segment;
    expect(detail.activations).toEqual({ activeSyncCount: 2, isPublished: true, publishedUses: [] });
    const response = await call('DELETE', `/api/segments/${segment.id}`, admin);
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('This segment cannot be deleted while it is synced to 2 ad accounts and published. Turn off its syncs and unpublish it first.');
    expect(detail.deleteBlockedReason).toBe(response.json().message);
  });

  it('pages and sorts the account table', async () => {
    const segment = await createList('Paged');
    const page1 = (await call('GET', `/api/segments/${segment.id}/members?pageSize=2&page=1&sort=size&direction=desc`, viewer)).json();
    const page2 = (await call('GET', `/api/segments/${segment.id}/members?pageSize=2&page=2&sort=size&direction=desc`, viewer)).json();
    expect(page1.total).toBe(3);
    expect([...page1.items, ...page2.items].map((m: { size: string }) => m.size)).toEqual(['100 - 499', '10 - 49', '1,000 - 4,999']);
    const byOwner = (await call('GET', `/api/segments/${segment.id}/members?sort=crmOwner`, viewer)).json();
    expect(byOwner.items[0]).toMatchObject({ companyId: company(0).id, crmOwner: 'Ada Owner' });
  });

  it('shows account details: firmographics, CRM records and the segments it appears in', async () => {
    const segment = await createList('Details');
    const unpublished = await createList('Details, not published');
    // Account Details lists only the segments published to that use.
    await database.query(`INSERT INTO segment_publications (org_id, segment_id, use) VALUES ($1, $2, 'account_details')`, [org.orgId, segment.id]);
    const response = await call('GET', `/api/accounts/${company(0).id}`, viewer);
    expect(response.statusCode).toBe(200);
    const details = response.json();
    expect(details.account).toMatchObject({ companyId: company(0).id, name: company(0).name, country: 'US', industry: 'Aerospace', employeeRange: '1,000 - 4,999' });
    expect(details.crmRecords).toMatchObject([{ provider: 'salesforce', externalId: '001A', ownerName: 'Ada Owner', fields: { Type: 'Customer' } }]);
    expect(details.segments.map((s: { id: string }) => s.id)).toContain(segment.id);
    expect(details.segments.map((s: { id: string }) => s.id)).not.toContain(unpublished.id);
    const otherOrg = await createTestOrg(database);
    const other = (await call('GET', `/api/accounts/${company(0).id}`, await sessionOf(t, otherOrg))).json();
    expect(other.crmRecords).toEqual([]);
    expect(other.segments).toEqual([]);
    expect((await call('GET', '/api/accounts/no-such-company', viewer)).statusCode).toBe(404);
  });

  it('searches the master companies to pick a match', async () => {
    const found = (await call('GET', `/api/accounts?search=${encodeURIComponent(`Globex Chemicals ${tag}`)}`, viewer)).json();
    expect(found.items).toMatchObject([{ companyId: company(1).id, country: 'DE' }]);
  });

  it('lists filter fields: company profile values and synced CRM fields', async () => {
    const fields = (await call('GET', '/api/segments/filter-fields', viewer)).json();
    expect(fields.companyProfile.find((f: { field: string }) => f.field === 'industry').values).toContain('Aerospace');
    expect(fields.crm).toContainEqual({
      system: 'salesforce',
      fields: ['name', 'website', 'country', 'ownerName', 'Type'],
      typedFields: ['name', 'website', 'country', 'ownerName', 'Type'].map((name) => ({ name, type: 'text' })),
    });
    expect(fields.operators).toEqual(['equals', 'in', 'contains', 'range', 'is_empty']);
  });

  it('publishes the segment endpoints in the OpenAPI document, recursive filter included', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/segments', '/api/segments/{segmentId}/members', '/api/segments/preview-count', '/api/accounts/{companyId}', '/api/segment-uploads']));
  });

  it('works for API keys too', async () => {
    const created = (await call('POST', '/api/api-keys', await sessionOf(t, org, 'primary_admin'), { name: 'ci', role: 'marketing_user' })).json();
    const bearer = { authorization: `Bearer ${created.secret}` };
    const response = await t.app.inject({ method: 'POST', url: '/api/segments', headers: bearer, payload: { name: 'Via API', source: { type: 'crm_list', provider: 'salesforce', sourceId: '00B-all' } } });
    expect(response.statusCode).toBe(201);
    expect(response.json().segment.owner).toBeNull();
  });
});
