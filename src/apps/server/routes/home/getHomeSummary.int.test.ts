import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../ports/clock';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { createTestDeps } from '../../../../test/testApp';

describe.each(testDatabaseKinds())('the home page summary on %s', (kind) => {
  const now = new Date('2026-12-06T12:00:00Z');
  const t = useRouteFixture(kind, { deps: (database) => createTestDeps(database, { clock: fixedClock(now) }) });
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  const get = async (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/home', headers });
  const insertSegment = async (orgId: string, name: string, memberCount: number, lastRefreshedAt: string | null) => {
    const [row] = await t.database.query<{ id: string }>(
      `INSERT INTO segments (org_id, name, source_type, status, member_count, last_refreshed_at) VALUES ($1, $2, 'upload', $3, $4, $5) RETURNING id`,
      [orgId, name, lastRefreshedAt === null ? 'pending' : 'ready', memberCount, lastRefreshedAt],
    );
    if (!row) throw new Error('segment insert returned nothing');
    return row.id;
  };
  const insertRefresh = (orgId: string, segmentId: string, status: string, read: number, matched: number, finishedAt: string, errorMessage: string | null = null) =>
    t.database.query(
      `INSERT INTO segment_refreshes (org_id, segment_id, trigger, status, error_message, records_read, matched_count, started_at, finished_at) VALUES ($1, $2, 'schedule', $3, $4, $5, $6, $7, $7)`,
      [orgId, segmentId, status, errorMessage, read, matched, finishedAt],
    );

  let emeaId: string;
  let brokenId: string;

  beforeAll(async () => {
    const orgId = t.org.orgId;
    emeaId = await insertSegment(orgId, 'EMEA targets', 1200, hoursAgo(2));
    brokenId = await insertSegment(orgId, 'Broken list', 300, hoursAgo(72));
    await insertSegment(orgId, 'Old list', 50, hoursAgo(24 * 30));
    await insertSegment(orgId, 'Not built', 0, null);
    await insertRefresh(orgId, emeaId, 'succeeded', 100, 80, hoursAgo(26));
    await insertRefresh(orgId, emeaId, 'succeeded', 100, 90, hoursAgo(2));
    await insertRefresh(orgId, brokenId, 'succeeded', 400, 300, hoursAgo(80));
    await insertRefresh(orgId, brokenId, 'failed', 0, 0, hoursAgo(72), 'The List must include the Account Name field.');
    await t.database.query(
      `INSERT INTO crm_connections (org_id, provider, status, environment, login_url, instance_url, client_id, client_secret_sealed,
         access_token_sealed, refresh_token_sealed, credential_policy, credentials_set_at, daily_api_allowance)
       VALUES ($1, 'salesforce', 'connected', 'emulator', 'http://127.0.0.1:1', 'http://127.0.0.1:1', 'client', 'x', 'x', 'x', 'never_expire', $2, 1000)`,
      [orgId, hoursAgo(100)],
    );
    await t.database.query(`INSERT INTO crm_sync_runs (org_id, provider, status, is_full, error_message, started_at, finished_at) VALUES ($1, 'salesforce', 'completed', true, NULL, $2, $2)`, [orgId, hoursAgo(10)]);
    await t.database.query(`INSERT INTO crm_sync_runs (org_id, provider, status, is_full, error_message, started_at, finished_at) VALUES ($1, 'salesforce', 'failed', false, 'Salesforce answered 500', $2, $2)`, [orgId, hoursAgo(5)]);
    const [sync] = await t.database.query<{ id: string }>(
      `INSERT INTO ad_syncs (org_id, segment_id, channel, ad_account_id, ad_account_name, status, audience_name, status_changed_at) VALUES ($1, $2, 'linkedin', '123', 'Acme Ads', 'failed', 'EMEA', $3) RETURNING id`,
      [orgId, emeaId, hoursAgo(4)],
    );
    await t.database.query(`INSERT INTO ad_sync_runs (org_id, sync_id, trigger, status, error_message) VALUES ($1, $2, 'create', 'failed', 'The ad account lacks the permission to manage audiences')`, [orgId, sync?.id]);
    const [orchestration] = await t.database.query<{ id: string }>(
      `INSERT INTO enrichment_orchestrations (org_id, name, target_system, target_object, target_field, conflict_policy) VALUES ($1, 'Account segments', 'salesforce', 'Account', 'ABM_Segments__c', 'overwrite') RETURNING id`,
      [orgId],
    );
    await t.database.query(`INSERT INTO enrichment_runs (org_id, orchestration_id, trigger, status, error_message, created_at, finished_at) VALUES ($1, $2, 'manual', 'failed', 'Field is read-only', $3, $3)`, [
      orgId,
      orchestration?.id,
      hoursAgo(3),
    ]);
  });

  it('rejects an unauthenticated caller', async () => {
    expect((await get({})).statusCode).toBe(401);
  });

  it('starts a new organisation on an empty checklist and shows none of another organisation’s data', async () => {
    const summary = (await get(await t.headersOf(t.otherOrg, 'view_only'))).json();
    expect(summary).toEqual({
      checklist: { hasCrmConnection: false, hasSegment: false, hasActivation: false },
      segmentCount: 0,
      freshness: [
        { bucket: 'day', label: 'Refreshed in the last 24 hours', segmentCount: 0 },
        { bucket: 'week', label: 'Refreshed in the last 7 days', segmentCount: 0 },
        { bucket: 'older', label: 'Not refreshed for over 7 days', segmentCount: 0 },
        { bucket: 'never', label: 'Never built', segmentCount: 0 },
      ],
      largestSegments: [],
      matchRates: [],
      failures: [],
    });
  });

  it('ticks the checklist, sorts segments by size with their freshness, and charts the last match rates oldest first', async () => {
    const summary = (await get(await t.headersOf(t.org, 'view_only'))).json();
    expect(summary.checklist).toEqual({ hasCrmConnection: true, hasSegment: true, hasActivation: true });
    expect(summary.segmentCount).toBe(4);
    expect(summary.freshness.map((bucket: { segmentCount: number }) => bucket.segmentCount)).toEqual([1, 1, 1, 1]);
    expect(summary.largestSegments.map((segment: { name: string; memberCount: number; freshness: string }) => [segment.name, segment.memberCount, segment.freshness])).toEqual([
      ['EMEA targets', 1200, 'day'],
      ['Broken list', 300, 'week'],
      ['Old list', 50, 'older'],
      ['Not built', 0, 'never'],
    ]);
    expect(summary.matchRates.map((point: { segmentName: string; matchRatePercent: number }) => [point.segmentName, point.matchRatePercent])).toEqual([
      ['Broken list', 75],
      ['EMEA targets', 80],
      ['EMEA targets', 90],
    ]);
  });

  it('lists the failures that still stand, newest first, each with the page that fixes it', async () => {
    const summary = (await get(await t.headersOf(t.org, 'marketing_user'))).json();
    expect(summary.failures.map((failure: { kind: string; title: string; message: string; link: string }) => [failure.kind, failure.title, failure.message, failure.link])).toEqual([
      ['enrichment', 'Segment Name Enrichment “Account segments” failed', 'Field is read-only', '/settings/orchestrations'],
      ['ad_sync', 'LinkedIn sync of “EMEA targets” failed', 'The ad account lacks the permission to manage audiences', expect.stringMatching(/^\/advertising\/segment-syncs\/[0-9a-f-]{36}$/)],
      ['crm_sync', 'Salesforce data sync failed', 'Salesforce answered 500', '/settings/integrations'],
      ['segment_refresh', 'Segment “Broken list” stopped updating', 'The List must include the Account Name field.', `/segments/${brokenId}`],
    ]);
    // A later success clears a failure.
    await t.database.query(`INSERT INTO crm_sync_runs (org_id, provider, status, is_full, started_at, finished_at) VALUES ($1, 'salesforce', 'completed', false, $2, $2)`, [t.org.orgId, hoursAgo(1)]);
    const after = (await get(await t.headersOf(t.org, 'marketing_user'))).json();
    expect(after.failures.map((failure: { kind: string }) => failure.kind)).toEqual(['enrichment', 'ad_sync', 'segment_refresh']);
  });
});
