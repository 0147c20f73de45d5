import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';

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

  it('rejects a value that is not a domain, naming it', async () => {
    const { headers } = await login(org);
    const response = await app.inject({ method: 'POST', url: '/api/companies/excluded-domains', headers, payload: { domains: ['not a domain'] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('"not a domain"');
  });

  it('lets only admins import companies, and reports rejected rows', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const csv = `company_id,name,domain,country\n${tag}-1,Vantorel Systems,vantorel-${tag}.com,US\n${tag}-2,,x.com,US\n`;
    const marketer = await login(org, 'marketing_user');
    expect((await app.inject({ method: 'POST', url: '/api/companies/import', headers: marketer.headers, payload: { csv } })).statusCode).toBe(403);
    const { headers } = await login(org);
    const response = await app.inject({ method: 'POST', url: '/api/companies/import', headers, payload: { csv } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ upserted: 1, rejected: [{ line: 3, reason: 'name is empty' }] });
  });
});
