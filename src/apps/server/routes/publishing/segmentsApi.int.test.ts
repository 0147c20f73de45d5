import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../adapters/db/database';
import { fixedClock } from '../../../../ports/clock';
import { createTestOrg, type TestOrg } from '../../../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/databases';
import { createTestApp } from '../../../../test/testApp';
import { SEGMENTS_API_OFF_MESSAGE } from '../../../../usecases/publishing/segmentsApi/guardSegmentsApi';
import { seedCompanies, type TestCompany } from '../../../../usecases/segments/segmentTestKit';
import { insertTestSegment } from '../../../../usecases/publishing/publishingTestKit';
import { sessionFor } from './publishingKit';

describe.each(testDatabaseKinds())('Segments API with an API key on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let admin: Record<string, string>;
  let bearer: Record<string, string>;
  let apiKeyId: string;
  let companies: TestCompany[];
  const clock = fixedClock(new Date('2026-12-01T10:00:30Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ app } = await createTestApp(database, { clock }));
    org = await createTestOrg(database);
    admin = await sessionFor(app, database, org, 'primary_admin');
    const created = (await app.inject({ method: 'POST', url: '/api/api-keys', headers: admin, payload: { name: 'Data warehouse', role: 'view_only' } })).json();
    bearer = { authorization: `Bearer ${created.secret}` };
    apiKeyId = created.apiKey.id;
    ({ companies } = await seedCompanies(database, [{ name: 'Api Alpha', country: 'US' }, { name: 'Api Beta', country: 'GB' }, { name: 'Api Gamma', country: 'DE' }]));
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (url: string, headers = bearer) => app.inject({ method: 'GET', url, headers });

  it('rejects a caller without a key and answers 403 while segments are off for the API', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/segments' })).statusCode).toBe(401);
    const off = await get('/api/v1/segments');
    expect(off.statusCode).toBe(403);
    expect(off.json().message).toBe(SEGMENTS_API_OFF_MESSAGE);
  });

  it('lists published segments, pages their accounts, answers a company’s segments and the changes since a cursor', async () => {
    const [alpha, beta, gamma] = companies as [TestCompany, TestCompany, TestCompany];
    const published = await insertTestSegment(database, org.orgId, { name: 'API Tier', memberCompanyIds: [alpha.id, beta.id, gamma.id] });
    const unpublished = await insertTestSegment(database, org.orgId, { name: 'Internal only', memberCompanyIds: [alpha.id] });
    await app.inject({ method: 'POST', url: `/api/segments/${published.id}/publications`, headers: admin, payload: { uses: ['api'] } });
    expect((await app.inject({ method: 'PUT', url: '/api/settings/segments-api', headers: bearer, payload: { isEnabled: true, scope: 'published' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PUT', url: '/api/settings/segments-api', headers: admin, payload: { isEnabled: true, scope: 'published' } })).json()).toEqual({ isEnabled: true, scope: 'published', requestsPerMinute: 120 });

    expect((await get('/api/v1/segments')).json()).toEqual({ scope: 'published', segments: [{ id: published.id, name: 'API Tier', accountCount: 3 }] });
    expect((await get(`/api/v1/segments/${unpublished.id}/accounts`)).statusCode).toBe(404);
    const first = (await get(`/api/v1/segments/${published.id}/accounts?limit=2`)).json();
    expect(first.accounts).toHaveLength(2);
    const second = (await get(`/api/v1/segments/${published.id}/accounts?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.nextCursor).toBeNull();
    expect([...first.accounts, ...second.accounts].map((account: { companyId: string }) => account.companyId).sort()).toEqual([alpha.id, beta.id, gamma.id].sort());

    const byDomain = (await get(`/api/v1/company-segments?domain=${encodeURIComponent(`https://www.${alpha.domain}/about`)}`)).json();
    expect(byDomain).toEqual({
      company: { companyId: alpha.id, name: alpha.name, domain: alpha.domain, country: 'US' },
      segments: { ids: [published.id], names: ['API Tier'], list: [{ id: published.id, name: 'API Tier' }] },
    });
    expect((await get(`/api/v1/company-segments?companyId=${beta.id}`)).json().segments.names).toEqual(['API Tier']);

    const refresh = async (changes: Array<[string, 'added' | 'removed']>, segmentId = published.id) => {
      const [row] = await database.query<{ id: string }>(
        `INSERT INTO segment_refreshes (org_id, segment_id, trigger, status, started_at, finished_at) VALUES ($1, $2, 'schedule', 'succeeded', now(), now()) RETURNING id`,
        [org.orgId, segmentId],
      );
      for (const [companyId, change] of changes) {
        await database.query(`INSERT INTO segment_membership_changes (org_id, refresh_id, segment_id, company_id, change, why) VALUES ($1, $2, $3, $4, $5, 'source')`, [org.orgId, row?.id, segmentId, companyId, change]);
      }
    };
    await refresh([[alpha.id, 'added'], [beta.id, 'added']]);
    await refresh([[gamma.id, 'added']], unpublished.id);
    const all = (await get('/api/v1/segment-changes')).json();
    expect(all.changes.map((change: { companyId: string; change: string }) => [change.companyId, change.change])).toEqual([[alpha.id, 'added'], [beta.id, 'added']].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? '')));
    await refresh([[beta.id, 'removed']]);
    const since = (await get(`/api/v1/segment-changes?cursor=${all.nextCursor}`)).json();
    expect(since.changes).toEqual([expect.objectContaining({ segmentId: published.id, companyId: beta.id, change: 'removed' })]);
    expect((await get(`/api/v1/segment-changes?cursor=${since.nextCursor}`)).json().changes).toEqual([]);
  });

  it('limits each key per minute with 429 and Retry-After', async () => {
    await database.query(`INSERT INTO api_key_rate_windows (api_key_id, window_start, request_count) VALUES ($1, $2, 120) ON CONFLICT (api_key_id, window_start) DO UPDATE SET request_count = 120`, [
      apiKeyId,
      new Date('2026-12-01T10:00:00Z'),
    ]);
    const limited = await get('/api/v1/segments');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.json().message).toBe('This API key made more than 120 requests in a minute. Try again in 30 seconds.');
    clock.advance(30_000);
    expect((await get('/api/v1/segments')).statusCode).toBe(200);
  });

  it('documents the Segments API in the OpenAPI document', async () => {
    const paths = Object.keys((await app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/segments', '/api/v1/segments/{segmentId}/accounts', '/api/v1/company-segments', '/api/v1/segment-changes']));
  });
});
