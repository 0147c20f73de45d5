import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../adapters/db/database';
import { PUBLISH_LIMIT_MESSAGE } from '../../../../domain/publish/publishUses';
import { GTM_SOURCE_MESSAGE } from '../../../../domain/publish/gtmEligibility';
import { createTestOrg, type TestOrg } from '../../../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../../../test/databases';
import { createTestApp } from '../../../../test/testApp';
import { insertTestSegment } from '../../../../usecases/publishing/publishingTestKit';
import { sessionFor } from './publishingKit';

describe.each(testDatabaseKinds())('publishing segments on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let admin: Record<string, string>;
  let marketer: Record<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ app } = await createTestApp(database));
    org = await createTestOrg(database);
    admin = await sessionFor(app, database, org, 'abm_admin');
    marketer = await sessionFor(app, database, org, 'marketing_user');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const publish = (segmentId: string, uses: string[], headers = admin) => call('POST', `/api/segments/${segmentId}/publications`, headers, { uses });

  it('rejects an unauthenticated caller and read-only roles', async () => {
    const segment = await insertTestSegment(database, org.orgId, { name: 'Roles' });
    expect((await app.inject({ method: 'GET', url: '/api/published-segments' })).statusCode).toBe(401);
    expect((await publish(segment.id, ['api'], marketer)).statusCode).toBe(403);
    expect((await call('GET', '/api/published-segments', marketer)).statusCode).toBe(200);
  });

  it('cannot see or publish another org’s segment', async () => {
    const other = await createTestOrg(database, 'Other org');
    const foreign = await insertTestSegment(database, other.orgId, { name: 'Foreign' });
    expect((await publish(foreign.id, ['api'])).statusCode).toBe(404);
    const listed = (await call('GET', '/api/published-segments?search=Foreign', admin)).json();
    expect(listed.total).toBe(0);
  });

  it('publishes to several uses, shows them in the Activations column and refuses deleting until unpublished', async () => {
    const segment = await insertTestSegment(database, org.orgId, { name: 'Territory West' });
    const published = await publish(segment.id, ['enrichment', 'account_details']);
    expect(published.statusCode).toBe(200);
    expect(published.json().uses).toEqual(['account_details', 'enrichment']);
    const list = (await call('GET', '/api/segments?search=Territory%20West', marketer)).json();
    expect(list.items[0].activations).toEqual({ activeSyncCount: 0, isPublished: true, publishedUses: ['account_details', 'enrichment'] });
    const refused = await call('DELETE', `/api/segments/${segment.id}`, admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('This segment cannot be deleted while it is published. Turn off its syncs and unpublish it first.');
    await call('DELETE', `/api/segments/${segment.id}/publications/enrichment`, admin);
    await call('DELETE', `/api/segments/${segment.id}/publications/account_details`, admin);
    expect((await call('DELETE', `/api/segments/${segment.id}`, admin)).statusCode).toBe(200);
  });

  it('allows 200 distinct published segments and refuses the 201st with how to make room', async () => {
    const limitOrg = await createTestOrg(database, 'Limit org');
    const limitAdmin = await sessionFor(app, database, limitOrg, 'primary_admin');
    const segments = [];
    for (let i = 0; i < 201; i += 1) segments.push(await insertTestSegment(database, limitOrg.orgId, { name: `Limit ${String(i).padStart(3, '0')}` }));
    const values = segments.slice(0, 200).map((segment, i) => `('${limitOrg.orgId}', '${segment.id}', '${i % 2 === 0 ? 'api' : 'gtm'}')`);
    await database.execScript(`INSERT INTO segment_publications (org_id, segment_id, use) VALUES ${values.join(',')}`);
    const first = segments[0] as { id: string };
    // One segment published to a further use still counts once.
    expect((await publish(first.id, ['account_details'], limitAdmin)).statusCode).toBe(200);
    const refused = await publish((segments[200] as { id: string }).id, ['api'], limitAdmin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'limit_reached', message: PUBLISH_LIMIT_MESSAGE });
    expect(PUBLISH_LIMIT_MESSAGE).toContain('Unpublish segments in Settings > Published Segments to make room');
    const page = (await call('GET', '/api/published-segments?publishedOnly=true&pageSize=5', limitAdmin)).json();
    expect(page).toMatchObject({ total: 200, publishedCount: 200, maxPublished: 200 });
    await call('DELETE', `/api/segments/${(segments[5] as { id: string }).id}/publications/gtm`, limitAdmin);
    expect((await publish((segments[200] as { id: string }).id, ['api'], limitAdmin)).statusCode).toBe(200);
  });

  it('nominates GTM segments only from uploads, CRM reports and CRM lists', async () => {
    const filters = await insertTestSegment(database, org.orgId, { name: 'Filter only', sourceType: 'filters' });
    const refused = await publish(filters.id, ['gtm', 'api']);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe(GTM_SOURCE_MESSAGE);
    // Nothing was published when one use was refused.
    expect((await call('GET', '/api/published-segments?search=Filter%20only', admin)).json().items[0]).toMatchObject({ uses: [], gtmIneligibleReason: GTM_SOURCE_MESSAGE });
    const report = await insertTestSegment(database, org.orgId, { name: 'From report', sourceType: 'crm_report', filter: { kind: 'company_profile', field: 'country', operation: { op: 'equals', value: 'US' } } });
    expect((await publish(report.id, ['gtm'])).json().uses).toEqual(['gtm']);
  });

  it('keeps a GTM segment used by a saved report published and names the report', async () => {
    const segment = await insertTestSegment(database, org.orgId, { name: 'Named Accounts' });
    const notGtm = await call('POST', '/api/saved-reports', marketer, { kind: 'funnel_report', name: 'Q3 funnel', segmentIds: [segment.id] });
    expect(notGtm.json().message).toBe('Saved reports use GTM segments only: “Named Accounts” is not published as a GTM segment.');
    await publish(segment.id, ['gtm']);
    const report = (await call('POST', '/api/saved-reports', marketer, { kind: 'funnel_report', name: 'Q3 funnel', segmentIds: [segment.id] })).json();
    const refused = await call('DELETE', `/api/segments/${segment.id}/publications/gtm`, admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('“Named Accounts” cannot be unpublished from GTM because it is used by: saved funnel report “Q3 funnel”. Remove it from that report first.');
    const row = (await call('GET', '/api/published-segments?search=Named%20Accounts', admin)).json().items[0];
    expect(row.usedBy).toEqual([{ id: report.id, kind: 'funnel_report', kindLabel: 'saved funnel report', name: 'Q3 funnel' }]);
    await call('DELETE', `/api/saved-reports/${report.id}`, marketer);
    expect((await call('DELETE', `/api/segments/${segment.id}/publications/gtm`, admin)).json().uses).toEqual([]);
  });
});
