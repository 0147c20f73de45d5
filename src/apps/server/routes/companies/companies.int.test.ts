import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { matchAccountsForOrg } from '../../../../usecases/matching/matchAccountsForOrg';

describe.each(testDatabaseKinds())('companies API on %s', (kind) => {
  const fixture = useRouteFixture(kind);
  let app: FastifyInstance;
  let org: TestOrg;
  let otherOrg: TestOrg;
  beforeAll(() => {
    ({ app, org, otherOrg } = fixture);
  });

  const login = (which: TestOrg, role: 'primary_admin' | 'marketing_user' = 'primary_admin') => fixture.logIn(which, role);

  it('rejects an unauthenticated caller', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/companies/excluded-domains' })).statusCode).toBe(401);
  });

  it("adds excluded domains as registrable domains, and another organisation cannot see them", async () => {
    const { headers } = await login(org);
    const added = await app.inject({ method: 'POST', url: '/api/companies/excluded-domains', headers, payload: { domains: ['https://www.Reseller-Shop.co.uk/shop', 'ops@partner-mail.com'] } });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual({ added: ['reseller-shop.co.uk', 'partner-mail.com'] });
    const listed = await app.inject({ method: 'GET', url: '/api/companies/excluded-domains', headers });
    expect(listed.json().items).toEqual([{ domain: 'partner-mail.com' }, { domain: 'reseller-shop.co.uk' }]);
    const other = await login(otherOrg);
    expect((await app.inject({ method: 'GET', url: '/api/companies/excluded-domains', headers: other.headers })).json().items).toEqual([]);
    expect((await app.inject({ method: 'DELETE', url: '/api/companies/excluded-domains/partner-mail.com', headers: other.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/api/companies/excluded-domains/partner-mail.com', headers })).statusCode).toBe(200);
  });

  it('reads and changes the personal e-mail fallback setting (admins only), per organisation', async () => {
    const { headers } = await login(org);
    const other = await login(otherOrg);
    const marketer = await login(org, 'marketing_user');
    expect((await app.inject({ method: 'GET', url: '/api/companies/match-settings', headers: marketer.headers })).json()).toEqual({ nameFallbackOnExcludedDomain: true });
    expect((await app.inject({ method: 'PUT', url: '/api/companies/match-settings', headers: marketer.headers, payload: { nameFallbackOnExcludedDomain: false } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PUT', url: '/api/companies/match-settings', headers, payload: { nameFallbackOnExcludedDomain: 'no' } })).statusCode).toBe(400);
    const changed = await app.inject({ method: 'PUT', url: '/api/companies/match-settings', headers, payload: { nameFallbackOnExcludedDomain: false } });
    expect(changed.json()).toEqual({ nameFallbackOnExcludedDomain: false });
    expect((await app.inject({ method: 'GET', url: '/api/companies/match-settings', headers })).json()).toEqual({ nameFallbackOnExcludedDomain: false });
    expect((await app.inject({ method: 'GET', url: '/api/companies/match-settings', headers: other.headers })).json()).toEqual({ nameFallbackOnExcludedDomain: true });
    await app.inject({ method: 'PUT', url: '/api/companies/match-settings', headers, payload: { nameFallbackOnExcludedDomain: true } });
  });

  it('rejects a value that is not a domain, naming it', async () => {
    const { headers } = await login(org);
    const response = await app.inject({ method: 'POST', url: '/api/companies/excluded-domains', headers, payload: { domains: ['not a domain'] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('"not a domain"');
  });

  it('keeps private companies to their organisation: list with search and pages, add, import, delete', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const { headers } = await login(org);
    const other = await login(otherOrg);
    const marketer = await login(org, 'marketing_user');
    const csv = `company_id,name,domain,country,industry\n${tag}-1,Vantorel Systems ${tag},vantorel-${tag}.com,US,Software\n${tag}-2,,x-${tag}.com,US,\n${tag}-3,Quillon Labs ${tag},quillon-${tag}.com,DE,\n`;
    expect((await app.inject({ method: 'POST', url: '/api/companies/private/import', headers: marketer.headers, payload: { csv } })).statusCode).toBe(403);
    const imported = await app.inject({ method: 'POST', url: '/api/companies/private/import', headers, payload: { csv } });
    expect(imported.json()).toEqual({ upserted: 2, rejected: [{ line: 3, reason: 'name is empty' }] });
    const added = await app.inject({ method: 'POST', url: '/api/companies/private', headers, payload: { name: `Brevik Marine ${tag}`, domain: `https://www.brevik-${tag}.com`, country: 'Norway' } });
    expect(added.statusCode).toBe(201);
    expect(added.json().company).toMatchObject({ name: `Brevik Marine ${tag}`, domain: `brevik-${tag}.com`, country: 'NO' });

    const page1 = (await app.inject({ method: 'GET', url: `/api/companies/private?search=${tag}&pageSize=2`, headers })).json();
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items.map((c: { name: string }) => c.name)).toEqual([`Brevik Marine ${tag}`, `Quillon Labs ${tag}`]);
    const page2 = (await app.inject({ method: 'GET', url: `/api/companies/private?search=${tag}&pageSize=2&page=2`, headers })).json();
    expect(page2.items.map((c: { companyId: string }) => c.companyId)).toEqual([`${tag}-1`]);
    expect((await app.inject({ method: 'GET', url: `/api/companies/private?search=quillon-${tag}`, headers })).json().total).toBe(1);

    // Another organisation sees none of them, cannot delete them, and a search of master companies does not find them.
    expect((await app.inject({ method: 'GET', url: `/api/companies/private?search=${tag}`, headers: other.headers })).json()).toMatchObject({ items: [], total: 0 });
    const target = page2.items[0].id as string;
    expect((await app.inject({ method: 'DELETE', url: `/api/companies/private/${encodeURIComponent(target)}`, headers: other.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/accounts?search=${tag}`, headers: other.headers })).json().total).toBe(0);
    expect((await app.inject({ method: 'GET', url: `/api/accounts?search=${tag}`, headers })).json().total).toBe(3);

    const deleted = await app.inject({ method: 'DELETE', url: `/api/companies/private/${encodeURIComponent(target)}`, headers });
    expect(deleted.json()).toEqual({ deleted: target });
    expect((await app.inject({ method: 'GET', url: `/api/companies/private?search=${tag}`, headers })).json().total).toBe(2);
  });

  it('refuses a private company that the master database already holds (same domain and country), naming the master one', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    await fixture.database.query(`INSERT INTO companies (id, name, domain, country) VALUES ($1, $2, $3, 'US')`, [`m-${tag}`, `Master Widgets ${tag}`, `widgets-${tag}.com`]);
    const { headers } = await login(org);
    const csv = `company_id,name,domain,country\nmine-1,My Widgets ${tag},widgets-${tag}.com,US\nmine-2,My Widgets UK ${tag},widgets-${tag}.com,GB\n`;
    const imported = (await app.inject({ method: 'POST', url: '/api/companies/private/import', headers, payload: { csv } })).json();
    expect(imported.upserted).toBe(1);
    expect(imported.rejected).toEqual([
      { line: 2, reason: `widgets-${tag}.com (US) is already in the master company database as "Master Widgets ${tag}" (company id m-${tag}); your accounts match it there, so it is not added as a private company.` },
    ]);
    const added = await app.inject({ method: 'POST', url: '/api/companies/private', headers, payload: { name: 'Again', domain: `widgets-${tag}.com`, country: 'US' } });
    expect(added.statusCode).toBe(409);
    expect(added.json().message).toContain(`as "Master Widgets ${tag}" (company id m-${tag})`);
  });

  it('matches a private company for its organisation only', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const { headers } = await login(org);
    await app.inject({ method: 'POST', url: '/api/companies/private/import', headers, payload: { csv: `company_id,name,domain,country\nown-1,Zephyrine Koval ${tag},zephyrine-${tag}.com,FR\n` } });
    const records = [{ rowId: 'r1', name: `Zephyrine Koval ${tag}`, domain: `www.zephyrine-${tag}.com`, country: 'France' }];
    const mine = await matchAccountsForOrg({ orgId: org.orgId, records }, fixture.deps);
    expect(mine.results[0]).toMatchObject({ status: 'matched', companyId: `p:${org.orgId}:own-1` });
    const theirs = await matchAccountsForOrg({ orgId: otherOrg.orgId, records }, fixture.deps);
    expect(theirs.results[0]).toMatchObject({ status: 'unmatched', companyId: null });
    expect(JSON.stringify(theirs.results)).not.toContain(org.orgId);
  });
});
