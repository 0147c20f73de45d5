import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../../../../test/createTestOrg';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { raiseNotification } from '../../../../usecases/notifications/raiseNotification';

describe.each(testDatabaseKinds())('notifications API on %s', (kind) => {
  const fixture = useRouteFixture(kind);
  let app: FastifyInstance;
  let org: TestOrg;
  let otherOrg: TestOrg;
  beforeAll(() => {
    ({ app, org, otherOrg } = fixture);
  });

  it('rejects an unauthenticated caller', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('shows an event to its recipients with an unread count, marks it read, and never to another org', async () => {
    const raised = await raiseNotification(
      { orgId: org.orgId, type: 'credential_expired', dedupeKey: 'route-test:1', facts: { provider: 'salesforce', reason: 'have expired' } },
      fixture.deps,
    );
    const headers = await fixture.headersOf(org, 'primary_admin');
    const inbox = await app.inject({ method: 'GET', url: '/api/notifications', headers });
    expect(inbox.json()).toMatchObject({ unreadCount: 1, total: 1, items: [{ eventId: raised.eventId, title: 'Salesforce credentials have expired', readAt: null }] });
    const marketer = await fixture.headersOf(org, 'marketing_user');
    expect((await app.inject({ method: 'GET', url: '/api/notifications', headers: marketer })).json().total).toBe(0);
    const other = await fixture.headersOf(otherOrg, 'primary_admin');
    expect((await app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: other })).json()).toEqual({ unreadCount: 0 });
    const read = await app.inject({ method: 'POST', url: '/api/notifications/read', headers, payload: { eventIds: [raised.eventId] } });
    expect(read.json()).toEqual({ markedCount: 1, unreadCount: 0 });
  });

  it('adds an org user at once and an outside address after it confirms by link', async () => {
    const headers = await fixture.headersOf(org, 'abm_admin');
    const added = await app.inject({
      method: 'POST',
      url: '/api/notifications/recipients',
      headers,
      payload: { category: 'api_limits', emails: `${org.emails.marketing_user}, ops-list@outside.test` },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().added.map((r: { email: string; status: string }) => [r.email, r.status])).toEqual([
      [org.emails.marketing_user, 'active'],
      ['ops-list@outside.test', 'awaiting_confirmation'],
    ]);
    const mail = fixture.deps.mailer.outbox.find((sent) => sent.to.includes('ops-list@outside.test'));
    // The link opens the app's confirmation page (a person confirms there), not an API answering JSON.
    const link = new URL(/https?:\/\/\S+/.exec(mail?.text ?? '')?.[0] ?? 'http://missing/');
    expect(link.pathname).toBe('/notifications/confirm');
    expect(mail?.html).toContain(`href="${link.href}"`);
    const token = link.searchParams.get('token') ?? '';
    expect((await app.inject({ method: 'GET', url: `/api/notifications/recipients/confirm?token=${token}` })).statusCode).toBe(404);
    const settingsBefore = await app.inject({ method: 'GET', url: '/api/notifications/settings', headers });
    expect(settingsBefore.json().recipients.find((r: { email: string }) => r.email === 'ops-list@outside.test').status).toBe('awaiting_confirmation');
    const confirmed = await app.inject({ method: 'POST', url: '/api/notifications/recipients/confirm', payload: { token } });
    expect(confirmed.json()).toEqual({ email: 'ops-list@outside.test', categoryLabel: 'API limits' });
    const wrong = await app.inject({ method: 'POST', url: '/api/notifications/recipients/confirm', payload: { token: 'x'.repeat(32) } });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().message).toBe('This confirmation link is not valid (the address may have been removed).');
    const settings = await app.inject({ method: 'GET', url: '/api/notifications/settings', headers });
    expect(settings.json().recipients.filter((r: { category: string }) => r.category === 'api_limits').map((r: { status: string }) => r.status)).toEqual(['active', 'active']);
    const other = await fixture.headersOf(otherOrg, 'primary_admin');
    expect((await app.inject({ method: 'GET', url: '/api/notifications/settings', headers: other })).json().recipients).toEqual([]);
  });

  it('opens the sandbox mailbox to administrators only', async () => {
    for (const role of ['primary_admin', 'abm_admin'] as const) {
      expect((await app.inject({ method: 'GET', url: '/api/sandbox/mailbox', headers: await fixture.headersOf(org, role) })).statusCode).toBe(200);
    }
    for (const role of ['marketing_user', 'view_only'] as const) {
      const refused = await app.inject({ method: 'GET', url: '/api/sandbox/mailbox', headers: await fixture.headersOf(org, role) });
      expect(refused.statusCode).toBe(403);
    }
  });

  it('lets only the primary administrator manage privacy opt-out recipients', async () => {
    const admin = await fixture.headersOf(org, 'abm_admin');
    const refused = await app.inject({ method: 'POST', url: '/api/notifications/recipients', headers: admin, payload: { category: 'privacy_opt_out', emails: org.emails.abm_admin } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('Only the primary administrator manages who receives privacy opt-out e-mails.');
    const primary = await fixture.headersOf(org, 'primary_admin');
    expect((await app.inject({ method: 'POST', url: '/api/notifications/recipients', headers: primary, payload: { category: 'privacy_opt_out', emails: org.emails.abm_admin } })).statusCode).toBe(201);
  });

  it('names the addresses that are not e-mail addresses', async () => {
    const headers = await fixture.headersOf(org, 'primary_admin');
    const response = await app.inject({ method: 'POST', url: '/api/notifications/recipients', headers, payload: { category: 'ad_sync', emails: 'ok@x.test, not-an-address' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('Not an e-mail address: not-an-address. Separate several addresses with commas.');
  });
});
