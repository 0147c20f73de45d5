import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases';
import { useRouteFixture } from '../../test/routeFixture';

describe.each(testDatabaseKinds())('IP-range file import on %s', (kind) => {
  const fixture = useRouteFixture(kind);

  it('refuses a file without one readable range with a specific sentence and keeps the previous file', async () => {
    const { app, org } = fixture;
    const admin = await fixture.headersOf(org, 'abm_admin');
    const importFile = (csv: string) => app.inject({ method: 'POST', url: '/api/web-tag/ip-ranges', headers: admin, payload: { csv } });
    const rangeCount = async () => (await app.inject({ method: 'GET', url: '/api/web-tag', headers: admin })).json().ipRangeCount as number;

    expect((await importFile('cidr,company_name\n203.0.113.0/24,Vantorel Systems\n198.51.100.0/24,Kestrel Labs\n')).json()).toEqual({ imported: 2, rejected: [] });
    const badHeader = await importFile('foo,bar\n1,2\n');
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().message).toBe(
      'No range could be read: line 1: The header must name company_name and either cidr or start_ip and end_ip. Nothing was imported; the previous file stays in use.',
    );
    const noRange = await importFile('cidr,company_name\nnot-a-range,X\n');
    expect(noRange.json().message).toBe(
      'No range could be read: line 2: not an IP range (give cidr like 203.0.113.0/24 or 2001:db8::/32, or start_ip ≤ end_ip of one family). Nothing was imported; the previous file stays in use.',
    );
    expect(await rangeCount()).toBe(2);
  });
});
