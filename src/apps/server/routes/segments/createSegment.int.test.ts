import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../adapters/db/database';
import { CRM_MESSAGES } from '../../../../domain/crmSources/messages';
import { createTestOrg, type TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { crmAccount, FakeCrmSources, seedCompanies, type TestCompany } from '../../../../usecases/segments/segmentTestKit';
import { sessionOf, useSegmentFixture } from './segmentRoutesKit';

describe.each(testDatabaseKinds())('creating segments over the API on %s', (kind) => {
  let database: Database;
  const t = useSegmentFixture(kind);
  let org: TestOrg;
  let headers: Record<string, string>;
  let co: TestCompany[];
  let tag: string;

  beforeAll(async () => {
    ({ database, org } = t);
    headers = await sessionOf(t, org);
    ({ tag, companies: co } = await seedCompanies(database, [
      { name: 'Acme Rockets', country: 'US', industry: 'Aerospace' },
      { name: 'Globex Chemicals', country: 'DE', industry: 'Chemicals' },
      { name: 'Initech Software', country: 'US', industry: 'Software' },
      { name: 'Umbrella Pharma', country: 'GB', industry: 'Pharma' },
    ]));
    // What the daily CRM sync stored for this org.
    await database.query(
      `INSERT INTO crm_accounts (org_id, provider, external_id, name, website, country, owner_name) VALUES
       ($1, 'salesforce', '001A', $2, $3, 'US', 'Ada Owner'), ($1, 'salesforce', '001G', $4, $5, 'DE', 'Bo Owner')`,
      [org.orgId, company(0).name, company(0).domain, company(1).name, company(1).domain],
    );
  });

  const create = (payload: unknown, h = headers) => t.app.inject({ method: 'POST', url: '/api/segments', headers: h, payload: payload as object });
  const company = (i: number): TestCompany => co[i] as TestCompany;

  it('rejects an unauthenticated caller', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/segments' })).statusCode).toBe(401);
  });

  it('refuses segment.create to a view-only user', async () => {
    const viewer = await sessionOf(t, org, 'view_only');
    const response = await create({ name: 'x', source: { type: 'filters' }, filter: { kind: 'company_profile', field: 'country', operation: { op: 'equals', value: 'US' } } }, viewer);
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe('Your role (View-only User) does not allow this action (segment.create).');
  });

  it('creates a segment from a CRM Account List with the confirmation counts, each company once', async () => {
    t.crm.set('00B-list', {
      name: 'Key Accounts',
      objectType: 'account',
      records: [
        crmAccount('001A', company(0)),
        crmAccount('001B', company(1)),
        crmAccount('001C', { ...company(0), name: `ACME ROCKETS ${tag}` }), // the same company again
        crmAccount('001D', { name: 'Qwxz Plumbing Vortex', domain: `qwxz-${tag}.example`, country: 'FR' }),
        crmAccount('001E', { name: '', domain: '', country: '' }, { website: undefined, name: undefined, country: undefined }),
      ],
    });
    const response = await create({ name: 'Key accounts', source: { type: 'crm_list', provider: 'salesforce', sourceId: '00B-list' } });
    expect(response.statusCode).toBe(201);
    const { segment } = response.json();
    expect(segment).toMatchObject({
      name: 'Key accounts',
      status: 'ready',
      source: { type: 'crm_list', label: 'CRM Account List', provider: 'salesforce', sourceId: '00B-list', sourceName: 'Key Accounts' },
      counts: { recordsRead: 5, matched: 2, duplicates: 1, unmatched: 2, members: 2 },
      activations: { activeSyncCount: 0, isPublished: false },
      deleteBlockedReason: null,
    });
    const confirmation = (await t.app.inject({ method: 'GET', url: `/api/segments/${segment.id}/confirmation`, headers })).json();
    expect(confirmation.unmatched.items.map((row: { crmExternalId: string; reason: string }) => [row.crmExternalId, row.reason])).toEqual([
      ['001D', 'no_candidate'],
      ['001E', 'missing_data'],
    ]);
    expect(confirmation.unmatched.items[1].reasonLabel).toBe('The provided record is missing name, domain or country data.');
    expect(confirmation.duplicates.items.map((row: { crmExternalId: string; company: { id: string } }) => [row.crmExternalId, row.company.id])).toEqual([['001C', company(0).id]]);
    const members = (await t.app.inject({ method: 'GET', url: `/api/segments/${segment.id}/members?sort=company`, headers })).json();
    expect(members.items.map((m: { companyId: string }) => m.companyId)).toEqual([company(0).id, company(1).id]);
    expect(members.items[0]).toMatchObject({ country: 'US', industry: 'Aerospace', crmOwner: 'Ada Owner' });
  });

  it('creates a segment from a Report of Contacts: it holds their accounts', async () => {
    const contact = (id: string, extra: object) => ({ ...crmAccount(id, company(0)), objectType: 'contact' as const, name: 'Jo Person', website: undefined, ...extra });
    t.crm.set('00O-contacts', {
      name: 'Marketing Contacts',
      objectType: 'contact',
      records: [
        contact('003A', { accountExternalId: '001G', email: 'jo@globex.example' }), // synced account → Globex
        contact('003B', { accountExternalId: '001G', email: 'al@globex.example' }), // same account
        contact('003C', { accountExternalId: undefined, companyName: company(2).name, email: `kim@${company(2).domain}`, country: 'US' }),
      ],
    });
    const response = await create({ name: 'Contacts', source: { type: 'crm_report', provider: 'salesforce', sourceId: '00O-contacts' } });
    expect(response.statusCode).toBe(201);
    expect(response.json().segment.counts).toEqual({ recordsRead: 3, matched: 2, unmatched: 0, duplicates: 1, members: 2 });
    const members = (await t.app.inject({ method: 'GET', url: `/api/segments/${response.json().segment.id}/members`, headers })).json();
    expect(members.items.map((m: { companyId: string }) => m.companyId).sort()).toEqual([company(1).id, company(2).id].sort());
  });

  it('creates a segment from a Report of Leads: converted leads by account, others by company and e-mail domain', async () => {
    const lead = (id: string, extra: object) => ({ ...crmAccount(id, company(0)), objectType: 'lead' as const, website: undefined, ...extra });
    t.crm.set('00O-leads', {
      name: 'Web Leads',
      objectType: 'lead',
      records: [
        lead('00QA', { isConverted: true, accountExternalId: '001G', companyName: 'whatever' }),
        lead('00QB', { companyName: company(3).name, email: `x@${company(3).domain}`, country: 'GB' }),
      ],
    });
    const response = await create({ name: 'Leads', source: { type: 'crm_report', provider: 'salesforce', sourceId: '00O-leads' } });
    expect(response.json().segment.counts).toMatchObject({ recordsRead: 2, matched: 2, members: 2 });
  });

  it.each<[string, string, 'permanent' | 'reauth' | 'api_limit', number]>([
    ['a report over 2,000 rows', CRM_MESSAGES.reportTooManyRecords, 'permanent', 400],
    ['a custom report type', CRM_MESSAGES.reportCustomType, 'permanent', 400],
    ['an unsupported report type', CRM_MESSAGES.reportUnsupportedType, 'permanent', 400],
    ['a report without the ID column', CRM_MESSAGES.reportMissingIdColumn('Lead'), 'permanent', 400],
    ['insufficient permissions', CRM_MESSAGES.reportInsufficientPermissions, 'permanent', 400],
    ['a list view that is not public', CRM_MESSAGES.listViewNotPublic, 'permanent', 400],
    ['a list view of 25,000 accounts or more', CRM_MESSAGES.listViewTooLarge, 'permanent', 400],
    ['a list filtering on hidden fields', CRM_MESSAGES.listViewFieldsNotPermitted, 'permanent', 400],
    ['no completed first CRM sync', CRM_MESSAGES.firstSyncNotCompleted, 'permanent', 400],
    ['expired credentials', CRM_MESSAGES.unableToLogIn, 'reauth', 502],
    ['the daily API limit', CRM_MESSAGES.apiLimitReached, 'api_limit', 409],
  ])('refuses %s with the specification’s message and creates nothing', async (_title, message, crmErrorKind, status) => {
    const sourceId = `00O-bad-${crmErrorKind}-${message.length}`;
    t.crm.set(sourceId, FakeCrmSources.failure(message, crmErrorKind));
    const before = (await t.app.inject({ method: 'GET', url: '/api/segments', headers })).json().total;
    const response = await create({ name: 'Bad', source: { type: 'crm_report', provider: 'salesforce', sourceId } });
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toBe(message);
    expect((await t.app.inject({ method: 'GET', url: '/api/segments', headers })).json().total).toBe(before);
  });

  it('creates a filter segment, previewing its count first', async () => {
    const filter = { kind: 'group', combinator: 'and', children: [
      { kind: 'company_profile', field: 'country', operation: { op: 'in', values: ['US'] } },
      { kind: 'company_profile', field: 'industry', operation: { op: 'in', values: ['Aerospace', 'Software'] } },
      { kind: 'company_profile', field: 'industry', operation: { op: 'is_empty', isEmpty: false } },
    ] };
    const tagged = { kind: 'group', combinator: 'and', children: [filter, { kind: 'crm_field', system: 'salesforce', field: 'name', operation: { op: 'is_empty', isEmpty: false } }] };
    const preview = await t.app.inject({ method: 'POST', url: '/api/segments/preview-count', headers, payload: { filter: tagged } });
    expect(preview.json()).toEqual({ count: 1 }); // only Acme is US + Aerospace/Software AND linked to a CRM account of this org
    const response = await create({ name: 'US tech', source: { type: 'filters' }, filter: tagged });
    expect(response.statusCode).toBe(201);
    expect(response.json().segment).toMatchObject({ source: { type: 'filters' }, counts: { members: 1 }, filter: tagged });
  });

  it('narrows a list segment with a filter and counts the filtered-out company out', async () => {
    const response = await create({
      name: 'Key accounts in Germany',
      source: { type: 'crm_list', provider: 'salesforce', sourceId: '00B-list' },
      filter: { kind: 'company_profile', field: 'country', operation: { op: 'equals', value: 'DE' } },
    });
    expect(response.json().segment.counts).toMatchObject({ matched: 2, members: 1 });
  });

  it('refuses an invalid filter with the field at fault', async () => {
    const response = await create({ name: 'x', source: { type: 'filters' }, filter: { kind: 'group', combinator: 'or', children: [] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('an OR group needs at least one condition');
  });

  it('refuses a filter segment without filters', async () => {
    const response = await create({ name: 'x', source: { type: 'filters' } });
    expect(response.json().message).toBe('A segment built from filters needs at least one filter.');
  });

  it('cannot see another org’s segment: 404 for get, members, confirmation, patch and delete', async () => {
    const [segment] = (await t.app.inject({ method: 'GET', url: '/api/segments', headers })).json().items;
    const otherOrg = await createTestOrg(database, 'Other');
    const other = await sessionOf(t, otherOrg, 'primary_admin');
    for (const [method, url] of [['GET', ''], ['GET', '/members'], ['GET', '/confirmation'], ['GET', '/unmatched.csv'], ['PATCH', ''], ['DELETE', '']] as const) {
      const response = await t.app.inject({ method, url: `/api/segments/${segment.id}${url}`, headers: other, ...(method === 'PATCH' ? { payload: { name: 'mine' } } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/segments', headers: other })).json().total).toBe(0);
  });
});
