// Two real organisations; every registered route (the registry is iterated, so new routes are covered as they are
// added) is called by organisation B — with a session and with an API key — naming organisation A's objects.
// Nothing of A may come back, nothing of A may change.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases';
import { useRouteFixture } from '../../test/routeFixture';
import { routes } from './routes/index';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe.each(testDatabaseKinds())('organisation B against organisation A, every route, on %s', (kind) => {
  const t = useRouteFixture(kind, { orgNames: [`Acme ${randomUUID().slice(0, 6)}`, 'Globex'] });
  const tag = randomUUID().slice(0, 8);
  const markers = { segment: `Secret segment ${tag}`, folder: `Secret folder ${tag}`, apiKey: `Secret key ${tag}`, domain: `secret-${tag}.com`, company: `Secret Company ${tag}` };
  /** Values for the path parameters: A's objects where A has one of that kind, a fresh UUID otherwise. */
  const paramsOfA: Record<string, string> = { provider: 'salesforce', rowNumber: '1' };
  let aHeaders: Record<string, string>;
  let bCallers: Array<{ name: string; headers: Record<string, string> }>;

  const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  async function created<T>(method: Method, url: string, payload: object): Promise<T> {
    const response = await call(method, url, aHeaders, payload);
    if (response.statusCode >= 300) throw new Error(`set-up ${method} ${url} failed: ${response.statusCode} ${response.body}`);
    return response.json() as T;
  }

  beforeAll(async () => {
    aHeaders = await t.headersOf(t.org, 'primary_admin');
    const upload = await created<{ upload: { id: string } }>('POST', '/api/segment-uploads', { fileName: 'secret.csv', contentBase64: Buffer.from(`Company Name,Website,Country\n${markers.company},${markers.domain},US\n`).toString('base64') });
    const folder = await created<{ folder: { id: string } }>('POST', '/api/segment-folders', { name: markers.folder });
    const segment = await created<{ segment: { id: string } }>('POST', '/api/segments', { name: markers.segment, folderId: folder.folder.id, source: { type: 'upload', uploadId: upload.upload.id } });
    const apiKey = await created<{ apiKey: { id: string } }>('POST', '/api/api-keys', { name: markers.apiKey, role: 'marketing_user' });
    await created('POST', '/api/companies/excluded-domains', { domains: [markers.domain] });
    const company = await created<{ company: { id: string } }>('POST', '/api/companies/private', { name: markers.company, domain: `co-${markers.domain}`, country: 'US' });
    const refreshes = await created<{ items: Array<{ id: string }> }>('GET', `/api/segments/${segment.segment.id}/refreshes`, {});
    Object.assign(paramsOfA, {
      segmentId: segment.segment.id,
      uploadId: upload.upload.id,
      folderId: folder.folder.id,
      apiKeyId: apiKey.apiKey.id,
      userId: t.org.userIds.view_only,
      companyId: company.company.id,
      domain: markers.domain,
      refreshId: refreshes.items[0]?.id ?? randomUUID(),
    });
    const bAdmin = await t.headersOf(t.otherOrg, 'primary_admin');
    const bKey = (await call('POST', '/api/api-keys', bAdmin, { name: 'b key', role: 'primary_admin' })).json() as { secret: string };
    bCallers = [
      { name: 'session', headers: bAdmin },
      { name: 'API key', headers: { authorization: `Bearer ${bKey.secret}` } },
    ];
  });

  const protectedRoutes = routes.filter((route) => route.permission !== 'public');

  it('covers every non-public route of the registry', () => {
    expect(protectedRoutes.length).toBeGreaterThan(40);
  });

  it('never answers B with A’s objects, and A-object paths never succeed', async () => {
    const problems: string[] = [];
    const leakMarkers = [...Object.values(markers), t.org.orgId, t.org.emails.view_only];
    for (const route of protectedRoutes) {
      const names = [...route.contract.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] as string);
      const url = route.contract.path.replace(/:([A-Za-z]+)/g, (_: string, name: string) => encodeURIComponent(paramsOfA[name] ?? randomUUID()));
      // A company id may name a shared master company, so B may get an answer about it (its own visits, say); that
      // answer must still carry nothing of A's private company (the markers), which is checked for every route.
      const namesAnObjectOfA = names.some((name) => name in paramsOfA && !['provider', 'rowNumber', 'companyId'].includes(name));
      for (const caller of bCallers) {
        const method = route.contract.method as Method;
        const response = await call(method, url, caller.headers, method === 'GET' || method === 'DELETE' ? undefined : {});
        const where = `${caller.name} ${method} ${route.contract.path} → ${response.statusCode}`;
        const leaked = leakMarkers.find((marker) => response.body.includes(marker));
        if (leaked) problems.push(`${where} leaked "${leaked}"`);
        if (namesAnObjectOfA && response.statusCode < 300) problems.push(`${where} succeeded on A's object`);
        if (response.statusCode >= 500) problems.push(`${where}: ${response.body.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('left A’s objects as they were', async () => {
    expect((await call('GET', `/api/segments/${paramsOfA.segmentId}`, aHeaders)).json().segment).toMatchObject({ name: markers.segment });
    expect((await call('GET', '/api/api-keys', aHeaders)).json().items).toContainEqual(expect.objectContaining({ id: paramsOfA.apiKeyId, revokedAt: null }));
    expect((await call('GET', '/api/companies/excluded-domains', aHeaders)).json().items).toContainEqual({ domain: markers.domain });
    expect((await call('GET', `/api/companies/private?search=${tag}`, aHeaders)).json().total).toBe(1);
    expect((await call('GET', '/api/users', aHeaders)).json().items).toContainEqual(expect.objectContaining({ id: t.org.userIds.view_only, role: 'view_only', isActive: true }));
    expect((await call('GET', '/api/segment-folders', aHeaders)).json().items).toContainEqual(expect.objectContaining({ id: paramsOfA.folderId, name: markers.folder }));
  });
});
