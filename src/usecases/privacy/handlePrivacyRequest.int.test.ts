import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { fixedClock } from '../../ports/clock';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { handlePrivacyRequest } from './handlePrivacyRequest';
import { recordPrivacyRequest } from './recordPrivacyRequest';

describe.each(testDatabaseKinds())('privacy opt-out requests (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('deletes the person’s visits and CRM contact data, records it, and leaves other people and orgs alone', async () => {
    const org = await createTestOrg(database);
    const other = await createTestOrg(database);
    for (const orgId of [org.orgId, other.orgId]) {
      await database.query(
        `INSERT INTO web_visits (org_id, visitor_id, url, page, visited_at) VALUES ($1, 'visitor-gone', 'https://a.test/', 'a.test/', now()), ($1, 'visitor-stays', 'https://a.test/', 'a.test/', now())`,
        [orgId],
      );
      await database.query(`INSERT INTO crm_contacts (org_id, provider, external_id, email) VALUES ($1, 'salesforce', 'c1', 'Gone@Example.test'), ($1, 'salesforce', 'c2', 'stays@example.test')`, [orgId]);
      const [event] = await database.query<{ id: string }>(
        `INSERT INTO notification_events (org_id, type, category, dedupe_key, severity, title, body_text, body_html)
         VALUES ($1, 'api_limit_reached', 'api_limits', 'privacy-test', 'alert', 't', 't', 't') RETURNING id`,
        [orgId],
      );
      await database.query(
        `INSERT INTO notification_outbox (org_id, event_id, address, status, next_attempt_at, message_id)
         VALUES ($1, $2, 'GONE@example.test', 'sent', now(), 'm1'), ($1, $2, 'stays@example.test', 'pending', now(), 'm2')`,
        [orgId, event?.id],
      );
      await database.query(
        `INSERT INTO ad_member_payloads (org_id, channel, member_key, label, payload) VALUES ($1, 'meta', 1, 'gone@example.test', '{"emailSha256":"abc"}'), ($1, 'meta', 2, 'stays@example.test', '{}')`,
        [orgId],
      );
    }
    const deps = { db: database.db, clock: fixedClock(new Date('2026-03-03T10:00:00Z')) };
    const actor = { userId: org.userIds.primary_admin, orgId: org.orgId, role: 'primary_admin' as const, kind: 'user' as const };
    const { request } = await recordPrivacyRequest({ orgId: org.orgId, actor, input: { email: 'gone@example.test', visitorId: 'visitor-gone' } }, deps);
    const handled = await handlePrivacyRequest({ orgId: org.orgId, actor, requestId: request.id }, deps);
    expect(handled.request.handledAt).toBe('2026-03-03T10:00:00.000Z');
    expect(handled.request.deletionSummary).toMatchObject({ webVisits: 1, crmContacts: 1, crmLeads: 0, notificationDeliveries: 1, adAudienceLabels: 1 });
    expect(await database.query(`SELECT address FROM notification_outbox WHERE org_id = $1`, [org.orgId])).toEqual([{ address: 'stays@example.test' }]);
    expect(await database.query(`SELECT member_key, label, payload FROM ad_member_payloads WHERE org_id = $1 ORDER BY member_key`, [org.orgId])).toEqual([
      { member_key: 1, label: 'removed by a privacy request', payload: { emailSha256: 'abc' } },
      { member_key: 2, label: 'stays@example.test', payload: {} },
    ]);
    expect(await database.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE org_id = $1`, [other.orgId])).toEqual([{ n: 2 }]);
    expect(await database.query(`SELECT label FROM ad_member_payloads WHERE org_id = $1 AND member_key = 1`, [other.orgId])).toEqual([{ label: 'gone@example.test' }]);
    expect(await database.query(`SELECT visitor_id FROM web_visits WHERE org_id = $1`, [org.orgId])).toEqual([{ visitor_id: 'visitor-stays' }]);
    expect(await database.query(`SELECT external_id FROM crm_contacts WHERE org_id = $1`, [org.orgId])).toEqual([{ external_id: 'c2' }]);
    expect(await database.query(`SELECT count(*)::int AS n FROM web_visits WHERE org_id = $1`, [other.orgId])).toEqual([{ n: 2 }]);
    await expect(handlePrivacyRequest({ orgId: org.orgId, actor, requestId: request.id }, deps)).rejects.toThrow('This privacy request has already been handled.');
  });

  it('refuses a marketing user', async () => {
    const org = await createTestOrg(database);
    const actor = { userId: org.userIds.marketing_user, orgId: org.orgId, role: 'marketing_user' as const, kind: 'user' as const };
    await expect(recordPrivacyRequest({ orgId: org.orgId, actor, input: { email: 'a@b.test' } }, { db: database.db, clock: fixedClock(new Date()) })).rejects.toThrow(
      'Only administrators record privacy opt-out requests.',
    );
  });
});
