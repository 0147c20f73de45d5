import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ceReportIds, type SalesforceEmulator } from '../../../../adapters/emulators/salesforce/index';
import type { Role } from '../../../../domain/permissions/roles';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../../../test/sandboxSalesforce';
import { createTestDeps } from '../../../../test/testApp';
import { BouncingTestMailer, CE_TEST_START, startCeEmulator, type TestClock } from '../../../../usecases/conversationalEmail/ceTestKit';
import { pollCampaignReport } from '../../../../usecases/conversationalEmail/pollCampaignReport';
import { runPreflight } from '../../../../usecases/conversationalEmail/runPreflight';

const ALWAYS_OPEN = { timeZone: 'UTC', startHour: 0, endHour: 24, weekdays: [1, 2, 3, 4, 5, 6, 7] };

/** The Conversational Email routes over HTTP: who may read, create, start, pause, send now and close reviews. */
describe.each(testDatabaseKinds())('Conversational Email routes on %s', (kind) => {
  let emulator: SalesforceEmulator;
  let clock: TestClock;
  beforeAll(async () => {
    ({ emulator, clock } = await startCeEmulator());
  }, 60_000);
  afterAll(async () => {
    await emulator.close();
  });
  const fixture = useRouteFixture(kind, {
    deps: (database) => {
      const sandbox = sandboxDeps(database.db, emulator, CE_TEST_START);
      const credentials = { salesforce: { clientId: emulator.credentials.clientId, clientSecret: emulator.credentials.clientSecret } };
      return { ...createTestDeps(database, { clock, sandboxUrls: { salesforce: emulator.baseUrl }, sandboxCredentials: credentials }), connectors: sandbox.connectors, mailer: new BouncingTestMailer() };
    },
  });

  // One session per role (each log-in hashes a password: slow).
  const sessions = new Map<Role, Promise<Record<string, string>>>();
  const sessionOf = (role: Role) => {
    if (!sessions.has(role)) sessions.set(role, fixture.headersOf(fixture.org, role));
    return sessions.get(role) as Promise<Record<string, string>>;
  };
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, role: Role | null, payload?: object) => {
    const headers = role ? await sessionOf(role) : {};
    return fixture.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  };
  const assistantBody = (email: string) => ({ name: 'Ava', email, signature: 'Ava', dailySendCap: 20, timeZone: 'Europe/Paris' });
  const campaignBody = (assistantId: string) => ({
    name: 'Webinar', assistantId, reportId: ceReportIds.webinarLeads, businessHours: ALWAYS_OPEN,
    mainSequence: [{ subject: 'Hi {{FirstName}}', body: 'Hello {{FirstName}}', delayDays: 0 }, { subject: 'Again', body: 'Following up', delayDays: 2 }],
  });

  /** Salesforce connected, pre-flight passed, fields set up (what Settings does), by the primary admin. */
  beforeAll(async () => {
    const actor = adminActor(fixture.org.orgId, fixture.org.userIds.primary_admin);
    await connectSalesforceThroughOAuth(fixture.deps, actor);
    await runPreflight({ orgId: fixture.org.orgId, actor }, fixture.deps);
  }, 60_000);

  it('rejects an unauthenticated caller', async () => {
    expect((await call('GET', '/api/ce/campaigns', null)).statusCode).toBe(401);
    expect((await call('POST', '/api/ce/assistants', null, assistantBody('x@openabm-demo.example'))).statusCode).toBe(401);
  });

  it('lets a view-only user read but refuses every change with 403; field setup is for administrators', async () => {
    expect((await call('GET', '/api/ce/campaigns', 'view_only')).statusCode).toBe(200);
    expect((await call('GET', '/api/ce/reviews', 'view_only')).statusCode).toBe(200);
    expect((await call('POST', '/api/ce/assistants', 'view_only', assistantBody('viewer@openabm-demo.example'))).statusCode).toBe(403);
    expect((await call('POST', '/api/ce/conversations/pause', 'view_only', { conversationIds: [crypto.randomUUID()], action: 'pause' })).statusCode).toBe(403);
    expect((await call('POST', `/api/ce/conversations/${crypto.randomUUID()}/send-now`, 'view_only')).statusCode).toBe(403);
    expect((await call('POST', `/api/ce/conversations/${crypto.randomUUID()}/review`, 'view_only', { outcome: 'qualified' })).statusCode).toBe(403);
    expect((await call('PUT', '/api/ce/settings/fields', 'marketing_user', { fieldMode: 'openabm', isActivitySyncOn: true })).statusCode).toBe(403);
    const setup = await call('PUT', '/api/ce/settings/fields', 'abm_admin', { fieldMode: 'openabm', isActivitySyncOn: true });
    expect(setup.statusCode).toBe(200);
  });

  it('lets a marketing user create an assistant and a campaign and start it; view-only cannot start or pause it', async () => {
    await call('PUT', '/api/ce/settings/fields', 'primary_admin', { fieldMode: 'openabm', isActivitySyncOn: true });
    const assistant = await call('POST', '/api/ce/assistants', 'marketing_user', assistantBody('ava.routes@openabm-demo.example'));
    expect(assistant.statusCode).toBe(201);
    expect(assistant.json()).toMatchObject({ timeZone: 'Europe/Paris', sentToday: 0 });
    const badZone = await call('POST', '/api/ce/assistants', 'marketing_user', { ...assistantBody('zone@openabm-demo.example'), timeZone: 'Mars/Olympus' });
    expect(badZone.json()).toMatchObject({ code: 'validation_failed', message: 'Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Paris or America/New_York.' });
    const created = await call('POST', '/api/ce/campaigns', 'marketing_user', campaignBody(assistant.json().id));
    expect(created.statusCode).toBe(201);
    const campaignId = created.json().id as string;
    expect((await call('POST', `/api/ce/campaigns/${campaignId}/status`, 'view_only', { event: 'start' })).statusCode).toBe(403);
    const started = await call('POST', `/api/ce/campaigns/${campaignId}/status`, 'marketing_user', { event: 'start' });
    expect(started.json()).toMatchObject({ status: 'running' });
    expect((await call('POST', `/api/ce/campaigns/${campaignId}/status`, 'view_only', { event: 'pause' })).statusCode).toBe(403);

    await pollCampaignReport({ orgId: fixture.org.orgId, input: { campaignId } }, fixture.deps);
    const conversations = (await call('GET', `/api/ce/campaigns/${campaignId}/conversations`, 'view_only')).json().items as Array<{ id: string }>;
    const [first, second] = conversations;
    if (!first || !second) throw new Error('fewer than two enrolled');

    // Conversation actions: pause (bulk, skipping what cannot be paused), send now, the review list.
    const paused = await call('POST', '/api/ce/conversations/pause', 'abm_admin', { conversationIds: [second.id], action: 'pause' });
    expect(paused.json()).toEqual({ changedIds: [second.id], skipped: [] });
    const refused = await call('POST', `/api/ce/conversations/${second.id}/send-now`, 'marketing_user');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('This conversation is paused: resume it first.');
    const sent = await call('POST', `/api/ce/conversations/${first.id}/send-now`, 'marketing_user');
    expect(sent.json()).toEqual({ outcome: 'sent' });
    const thread = (await call('GET', `/api/ce/conversations/${first.id}`, 'view_only')).json();
    expect(thread.messages).toHaveLength(1);
    expect(thread.writeBack.map((write: { kind: string }) => write.kind)).toContain('task');
    expect((await call('GET', '/api/ce/assistants', 'view_only')).json().items[0]).toMatchObject({ sentToday: 1 });
    const review = await call('POST', `/api/ce/conversations/${first.id}/review`, 'marketing_user', { outcome: 'qualified' });
    expect(review.json()).toMatchObject({ code: 'conflict', message: 'This conversation has no open review task.' });
    const badOutcome = await call('POST', `/api/ce/conversations/${first.id}/review`, 'marketing_user', { outcome: 'maybe' });
    expect(badOutcome.statusCode).toBe(400);
  }, 120_000);

  it("cannot see or act on another org's campaign or conversation", async () => {
    const campaigns = (await call('GET', '/api/ce/campaigns', 'primary_admin')).json().items as Array<{ id: string }>;
    const campaignId = campaigns[0]?.id ?? '';
    const conversationId = ((await call('GET', `/api/ce/campaigns/${campaignId}/conversations`, 'primary_admin')).json().items as Array<{ id: string }>)[0]?.id ?? '';
    const other = await fixture.headersOf(fixture.otherOrg, 'primary_admin');
    const otherCall = (method: 'GET' | 'POST', url: string, payload?: object) => fixture.app.inject({ method, url, headers: other, ...(payload ? { payload } : {}) });
    expect((await otherCall('GET', `/api/ce/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect((await otherCall('GET', `/api/ce/conversations/${conversationId}`)).statusCode).toBe(404);
    expect((await otherCall('POST', `/api/ce/conversations/${conversationId}/send-now`)).statusCode).toBe(404);
    expect((await otherCall('POST', '/api/ce/conversations/pause', { conversationIds: [conversationId], action: 'pause' })).json()).toEqual({ changedIds: [], skipped: [{ conversationId, reason: 'No such conversation.' }] });
    expect((await otherCall('GET', '/api/ce/campaigns')).json().items).toEqual([]);
  }, 60_000);
});
