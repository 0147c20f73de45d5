import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../adapters/db/database';
import { CRM_MESSAGES } from '../../../../domain/crmSources/messages';
import type { TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { enqueueDueRefreshes } from '../../../../usecases/segments/enqueueDueRefreshes';
import { crmAccount, FakeCrmSources, seedCompanies, type TestCompany } from '../../../../usecases/segments/segmentTestKit';
import refreshJob from '../../../worker/jobs/segments/refreshSegment';
import { sessionOf, useSegmentFixture } from './segmentRoutesKit';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds())('refreshing segments on %s', (kind) => {
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
      { name: 'Initech Software', country: 'US' },
      { name: 'Umbrella Pharma', country: 'GB' },
    ]));
  });

  const company = (i: number): TestCompany => co[i] as TestCompany;
  /** Moves the clock; sessions expire with it, so log in again. */
  const advance = async (ms: number) => {
    t.clock.advance(ms);
    headers = await sessionOf(t, org);
  };
  const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers })).json();
  const runJob = (segmentId: string) => refreshJob.handler({ orgId: org.orgId, segmentId, trigger: 'schedule' }, t.deps);
  const memberIds = async (segmentId: string) => (await get(`/api/segments/${segmentId}/members`)).items.map((m: { companyId: string }) => m.companyId).sort();
  const events = (segmentId: string) => database.query<{ kind: string; message: string | null }>('SELECT kind, message FROM segment_events WHERE org_id = $1 AND segment_id = $2 ORDER BY created_at, kind', [org.orgId, segmentId]);

  async function createReportSegment(sourceId: string, records: ReturnType<typeof crmAccount>[]): Promise<string> {
    t.crm.set(sourceId, { name: `Report ${sourceId}`, objectType: 'account', records });
    const response = await t.app.inject({ method: 'POST', url: '/api/segments', headers, payload: { name: sourceId, source: { type: 'crm_report', provider: 'salesforce', sourceId } } });
    expect(response.statusCode).toBe(201);
    return response.json().segment.id;
  }

  it('stores the diff (added / removed, with why) and the history of each refresh', async () => {
    const segmentId = await createReportSegment('00O-diff', [crmAccount('001A', company(0)), crmAccount('001B', company(1))]);
    t.crm.set('00O-diff', { name: 'Report', objectType: 'account', records: [crmAccount('001A', company(0)), crmAccount('001C', company(2))] });
    await advance(DAY_MS);
    await runJob(segmentId);
    expect(await memberIds(segmentId)).toEqual([company(0).id, company(2).id].sort());
    const history = (await get(`/api/segments/${segmentId}/refreshes`)).items;
    expect(history.map((h: { trigger: string; status: string; addedCount: number; removedCount: number }) => [h.trigger, h.status, h.addedCount, h.removedCount])).toEqual([
      ['schedule', 'succeeded', 1, 1],
      ['create', 'succeeded', 2, 0],
    ]);
    const changes = (await get(`/api/segments/${segmentId}/refreshes/${history[0].id}/changes`)).items;
    expect(changes.map((c: { companyId: string; change: string; why: string }) => [c.companyId, c.change, c.why])).toEqual([
      [company(2).id, 'added', 'added_to_source'],
      [company(1).id, 'removed', 'removed_from_source'],
    ]);
    expect(changes[1].whyLabel).toBe('Removed from the CRM list, report or file');
  });

  it.each<[string, string, 'permanent' | 'reauth' | 'api_limit']>([
    ['the report grew over 2,000 rows', CRM_MESSAGES.reportTooManyRecords, 'permanent'],
    ['the list is no longer public', CRM_MESSAGES.listViewNotPublic, 'permanent'],
    ['the list reached 25,000 accounts', CRM_MESSAGES.listViewTooLarge, 'permanent'],
    ['permission was lost', CRM_MESSAGES.reportInsufficientPermissions, 'permanent'],
    ['credentials expired', CRM_MESSAGES.unableToLogIn, 'reauth'],
    ['the API limit was reached', CRM_MESSAGES.apiLimitReached, 'api_limit'],
  ])('keeps the last good membership when %s, shows the message and records one event', async (_title, message, crmErrorKind) => {
    const sourceId = `00O-klg-${crmErrorKind}-${message.length}`;
    const segmentId = await createReportSegment(sourceId, [crmAccount('001A', company(0)), crmAccount('001D', company(3))]);
    t.crm.set(sourceId, FakeCrmSources.failure(message, crmErrorKind));
    await advance(DAY_MS);
    await runJob(segmentId);
    const segment = (await get(`/api/segments/${segmentId}`)).segment;
    expect(segment).toMatchObject({ status: 'error', statusMessage: message, memberCount: 2 });
    expect(await memberIds(segmentId)).toEqual([company(0).id, company(3).id].sort());
    expect((await get(`/api/segments/${segmentId}/refreshes`)).items[0]).toMatchObject({ status: 'failed', errorMessage: message });
    await advance(DAY_MS);
    await runJob(segmentId); // still broken the next day: no second notification
    expect(await events(segmentId)).toEqual([{ kind: 'refresh_failed', message }]);
    t.crm.set(sourceId, { name: 'fixed', objectType: 'account', records: [crmAccount('001A', company(0))] });
    await advance(DAY_MS);
    await runJob(segmentId);
    expect((await get(`/api/segments/${segmentId}`)).segment).toMatchObject({ status: 'ready', statusMessage: null, memberCount: 1 });
    expect((await events(segmentId)).map((e) => e.kind)).toEqual(['refresh_failed', 'refresh_recovered']);
  });

  it('leaves everything as it was on a transient failure, so the queue retries', async () => {
    const segmentId = await createReportSegment('00O-transient', [crmAccount('001A', company(0))]);
    t.crm.set('00O-transient', FakeCrmSources.failure('Salesforce answered 503; try again later.', 'retry' as 'permanent'));
    await expect(runJob(segmentId)).rejects.toThrow('Salesforce answered 503');
    expect((await get(`/api/segments/${segmentId}`)).segment).toMatchObject({ status: 'ready', memberCount: 1 });
    expect(await events(segmentId)).toEqual([]);
  });

  it('keeps a manual match fix on refresh', async () => {
    const unmatched = crmAccount('001Z', { name: 'Qwxz Rocket Works', domain: 'qwxz-unknown.example', country: 'US' });
    const segmentId = await createReportSegment('00O-fix', [crmAccount('001A', company(0)), unmatched]);
    const confirmation = await get(`/api/segments/${segmentId}/confirmation`);
    expect(confirmation.counts).toMatchObject({ matched: 1, unmatched: 1 });
    const row = confirmation.unmatched.items[0];
    const fixed = await t.app.inject({ method: 'POST', url: `/api/segments/${segmentId}/rows/${row.rowNumber}/match`, headers, payload: { companyId: company(2).id } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ row: { status: 'matched', isManualMatch: true, company: { id: company(2).id } }, counts: { matched: 2, unmatched: 0, members: 2 } });
    const [edit] = (await get(`/api/segments/${segmentId}/refreshes`)).items;
    const changes = (await get(`/api/segments/${segmentId}/refreshes/${edit.id}/changes`)).items;
    expect(changes).toMatchObject([{ companyId: company(2).id, change: 'added', why: 'manual_match' }]);
    t.crm.set('00O-fix', { name: 'r', objectType: 'account', records: [unmatched, crmAccount('001A', company(0)), crmAccount('001B', company(1))] });
    await advance(DAY_MS);
    await runJob(segmentId);
    expect(await memberIds(segmentId)).toEqual([company(0).id, company(1).id, company(2).id].sort());
    expect((await get(`/api/segments/${segmentId}/confirmation`)).manualMatches).toMatchObject([{ crmExternalId: '001Z', company: { id: company(2).id } }]);
  });

  it('refuses a pick of a company that is not in the master database', async () => {
    const segmentId = await createReportSegment('00O-badpick', [crmAccount('001A', company(0))]);
    const response = await t.app.inject({ method: 'POST', url: `/api/segments/${segmentId}/rows/1/match`, headers, payload: { companyId: 'no-such-company' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('Company no-such-company is not in the master company database or your private companies.');
  });

  it('"Refresh now" queues one job per segment', async () => {
    const segmentId = await createReportSegment('00O-now', [crmAccount('001A', company(0))]);
    const response = await t.app.inject({ method: 'POST', url: `/api/segments/${segmentId}/refresh`, headers });
    expect(response.statusCode).toBe(202);
    expect(t.deps.jobs.enqueued.at(-1)).toEqual({ name: 'segments.refresh', payload: { orgId: org.orgId, segmentId, trigger: 'manual' }, options: { singletonKey: `segment:${segmentId}` } });
  });

  it('the cron enqueues a refresh for each segment due, and none for one refreshed today', async () => {
    const dueId = await createReportSegment('00O-due', [crmAccount('001A', company(0))]);
    await advance(DAY_MS + 1);
    const freshId = await createReportSegment('00O-fresh', [crmAccount('001A', company(0))]);
    const before = t.deps.jobs.enqueued.length;
    await enqueueDueRefreshes(t.deps);
    const queued = t.deps.jobs.enqueued.slice(before).map((job) => (job.payload as { segmentId: string }).segmentId);
    expect(queued).toContain(dueId);
    expect(queued).not.toContain(freshId);
  });

  it('the refresh job does nothing for a deleted segment', async () => {
    await expect(refreshJob.handler({ orgId: org.orgId, segmentId: '00000000-0000-4000-8000-000000000000', trigger: 'schedule' }, t.deps)).resolves.toBeUndefined();
  });
});
