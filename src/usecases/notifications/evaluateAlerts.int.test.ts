import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { startSandboxSmtpServer, type SandboxSmtpServer } from '../../adapters/mailer/sandboxSmtpServer';
import { SmtpMailer } from '../../adapters/mailer/smtpMailer';
import { fixedClock } from '../../ports/clock';
import { createTestOrg, type TestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { announceCompletedSyncs } from './announceCompletedSyncs';
import { deliverNotifications } from './deliverNotifications';
import { evaluateAlerts } from './evaluateAlerts';

const DAY = 86_400_000;
const config = { publicUrl: 'http://openabm.test', mailFrom: 'openabm <alerts@openabm.test>' };

describe.each(testDatabaseKinds())('alerts: start, repeat and recovery, read from a real SMTP server (%s)', (kind) => {
  let database: Database;
  let smtp: SandboxSmtpServer;
  let mailer: SmtpMailer;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSandboxSmtpServer({ port: 0 });
    mailer = new SmtpMailer({ smtpUrl: smtp.url, mailFrom: config.mailFrom, timeoutSeconds: 10 });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await database.close();
  });

  /** Evaluates, delivers, and returns the subjects the org's primary administrator received in this step. */
  function stepper(org: TestOrg, start: Date) {
    const clock = fixedClock(start);
    const deps = { db: database.db, clock, config, mailer };
    return {
      clock,
      async step(): Promise<string[]> {
        const before = smtp.messages.length;
        await evaluateAlerts({ orgId: org.orgId }, deps);
        await deliverNotifications('all', deps);
        return smtp.messages
          .slice(before)
          .filter((mail) => mail.to.includes(org.emails.primary_admin))
          .map((mail) => mail.subject.replace(/^openabm: /, ''));
      },
    };
  }

  async function insertConnection(org: TestOrg, values: { policy: string; setAt: Date; lastSyncAt: Date | null; createdAt: Date }) {
    await database.query(
      `INSERT INTO crm_connections (org_id, provider, status, environment, login_url, instance_url, client_id, client_secret_sealed,
         access_token_sealed, refresh_token_sealed, credential_policy, credentials_set_at, daily_api_allowance, last_sync_at, created_at)
       VALUES ($1, 'salesforce', 'connected', 'emulator', 'http://127.0.0.1:1', 'http://127.0.0.1:1', 'client', 'x', 'x', 'x', $2, $3, 1000, $4, $5)`,
      [org.orgId, values.policy, values.setAt.toISOString(), values.lastSyncAt?.toISOString() ?? null, values.createdAt.toISOString()],
    );
  }

  it('warns 14 and 3 days before a 90-day credential expires, alerts once on expiry, and announces the update', async () => {
    const org = await createTestOrg(database);
    const setAt = new Date('2026-01-01T12:00:00Z');
    await insertConnection(org, { policy: 'expire_every_90_days', setAt, lastSyncAt: null, createdAt: setAt });
    // Sync delays are not what this test is about: the sync "completes" at every step.
    const { clock, step } = stepper(org, new Date(setAt.getTime() + 75 * DAY));
    const syncedNow = () => database.query(`UPDATE crm_connections SET last_sync_at = $2 WHERE org_id = $1`, [org.orgId, clock.now().toISOString()]);
    const syncedStep = async () => {
      await syncedNow();
      return step();
    };
    expect(await syncedStep()).toEqual([]);
    clock.advance(DAY);
    expect(await syncedStep()).toEqual(['Salesforce credentials expire in 14 days']);
    clock.advance(DAY);
    expect(await syncedStep()).toEqual([]);
    clock.set(new Date(setAt.getTime() + 87 * DAY));
    expect(await syncedStep()).toEqual(['Salesforce credentials expire in 3 days']);
    clock.set(new Date(setAt.getTime() + 90 * DAY));
    expect(await syncedStep()).toEqual(['Salesforce credentials have expired']);
    clock.advance(3_600_000);
    expect(await syncedStep()).toEqual([]);
    await database.query(`UPDATE crm_connections SET credentials_set_at = $2, status = 'connected' WHERE org_id = $1`, [org.orgId, clock.now().toISOString()]);
    expect(await syncedStep()).toEqual(['Salesforce credentials updated']);
    expect(await syncedStep()).toEqual([]);
  });

  it('alerts when the daily sync has not completed 6 hours after its schedule, once, and announces the completion', async () => {
    const org = await createTestOrg(database);
    const created = new Date('2026-02-01T00:00:00Z');
    await insertConnection(org, { policy: 'never_expire', setAt: created, lastSyncAt: new Date('2026-03-04T02:40:00Z'), createdAt: created });
    const { clock, step } = stepper(org, new Date('2026-03-05T08:29:00Z'));
    expect(await step()).toEqual([]);
    clock.set(new Date('2026-03-05T08:31:00Z'));
    expect(await step()).toEqual(['Daily data synchronization is delayed']);
    clock.advance(3_600_000);
    expect(await step()).toEqual([]);
    await database.query(`UPDATE crm_connections SET last_sync_at = $2 WHERE org_id = $1`, [org.orgId, '2026-03-05T09:40:00Z']);
    expect(await step()).toEqual(['Daily data synchronization completed']);
  });

  it('announces a delayed sync’s completion at the next minute sweep, not an hour later, and only once', async () => {
    const org = await createTestOrg(database);
    const created = new Date('2026-02-01T00:00:00Z');
    await insertConnection(org, { policy: 'never_expire', setAt: created, lastSyncAt: new Date('2026-03-04T02:40:00Z'), createdAt: created });
    const { clock, step } = stepper(org, new Date('2026-03-05T08:35:00Z'));
    expect(await step()).toEqual(['Daily data synchronization is delayed']);
    const deps = { db: database.db, clock, config, mailer };
    const sweep = async () => {
      const before = smtp.messages.length;
      await announceCompletedSyncs(deps);
      await deliverNotifications('all', deps);
      return smtp.messages.slice(before).filter((mail) => mail.to.includes(org.emails.primary_admin)).map((mail) => mail.subject.replace(/^openabm: /, ''));
    };
    clock.set(new Date('2026-03-05T08:40:00Z'));
    expect(await sweep()).toEqual([]);
    // The sync completes at 08:41; the sweep at 08:42 announces it (the hourly evaluation would run at 09:05).
    await database.query(`UPDATE crm_connections SET last_sync_at = $2 WHERE org_id = $1`, [org.orgId, '2026-03-05T08:41:00Z']);
    clock.set(new Date('2026-03-05T08:42:00Z'));
    expect(await sweep()).toEqual(['Daily data synchronization completed']);
    clock.advance(60_000);
    expect(await sweep()).toEqual([]);
    clock.set(new Date('2026-03-05T09:05:00Z'));
    expect(await step()).toEqual([]);
  });

  it('alerts once per day when the API limit is reached', async () => {
    const org = await createTestOrg(database);
    const created = new Date('2026-02-01T00:00:00Z');
    await insertConnection(org, { policy: 'never_expire', setAt: created, lastSyncAt: new Date('2026-03-05T02:40:00Z'), createdAt: created });
    await database.query(`INSERT INTO crm_api_usage (org_id, provider, usage_day, call_count, limit_reached_at) VALUES ($1, 'salesforce', '2026-03-05', 1000, now())`, [org.orgId]);
    const { clock, step } = stepper(org, new Date('2026-03-05T04:00:00Z'));
    expect(await step()).toEqual(['Daily API limit reached for Salesforce']);
    clock.advance(3_600_000);
    expect(await step()).toEqual([]);
    await database.query(`INSERT INTO crm_api_usage (org_id, provider, usage_day, call_count, limit_reached_at) VALUES ($1, 'salesforce', '2026-03-06', 1000, now())`, [org.orgId]);
    clock.set(new Date('2026-03-06T00:30:00Z'));
    expect(await step()).toEqual(['Daily API limit reached for Salesforce']);
  });

  it('alerts on a web-visit drop and on fewer than five tracked pages, once each', async () => {
    const org = await createTestOrg(database);
    const now = new Date('2026-03-04T10:00:00Z');
    // Four weeks of 20 visits a week over 6 pages, then 3 visits on 2 pages in the last week.
    await database.query(
      `INSERT INTO web_visits (org_id, visitor_id, url, page, visited_at)
       SELECT $1, 'v' || n, 'https://example.test/p' || (n % 6), 'example.test/p' || (n % 6), $2::timestamptz - make_interval(days => 8 + (n % 27))
       FROM generate_series(1, 80) n`,
      [org.orgId, now.toISOString()],
    );
    await database.query(
      `INSERT INTO web_visits (org_id, visitor_id, url, page, visited_at)
       SELECT $1, 'w' || n, 'https://example.test/q' || (n % 2), 'example.test/q' || (n % 2), $2::timestamptz - make_interval(days => 1 + n)
       FROM generate_series(1, 3) n`,
      [org.orgId, now.toISOString()],
    );
    const { clock, step } = stepper(org, now);
    expect((await step()).sort()).toEqual(['Web tag tracked fewer than 5 pages last week', 'Web visit data dropped significantly']);
    clock.advance(3_600_000);
    expect(await step()).toEqual([]);
  });

  it('sends the privacy reminder on Tuesday while requests are open, once that day', async () => {
    const org = await createTestOrg(database);
    await database.query(`INSERT INTO privacy_requests (org_id, email, received_at) VALUES ($1, 'gone@example.test', '2026-02-20T00:00:00Z')`, [org.orgId]);
    const { clock, step } = stepper(org, new Date('2026-03-02T09:00:00Z'));
    expect(await step()).toEqual([]);
    clock.advance(DAY);
    expect(await step()).toEqual(['Privacy opt-out requests: 1 open']);
    clock.advance(3_600_000);
    expect(await step()).toEqual([]);
  });
  it('alerts when an ad sync fails and announces when the failed sync synced again', async () => {
    const org = await createTestOrg(database);
    const [segment] = await database.query<{ id: string }>(
      `INSERT INTO segments (org_id, name, source_type, status) VALUES ($1, 'EMEA targets', 'filters', 'ready') RETURNING id`,
      [org.orgId],
    );
    const [sync] = await database.query<{ id: string }>(
      `INSERT INTO ad_syncs (org_id, segment_id, channel, ad_account_id, ad_account_name, status, audience_name)
       VALUES ($1, $2, 'linkedin', '123', 'Acme Ads', 'failed', 'EMEA targets') RETURNING id`,
      [org.orgId, segment?.id],
    );
    await database.query(`INSERT INTO ad_sync_runs (org_id, sync_id, trigger, status, error_message) VALUES ($1, $2, 'create', 'failed', 'The ad account lacks the permission to manage audiences')`, [
      org.orgId,
      sync?.id,
    ]);
    const { clock, step } = stepper(org, new Date('2026-03-05T10:00:00Z'));
    expect(await step()).toEqual(['Segment sync to LinkedIn failed']);
    clock.advance(3_600_000);
    expect(await step()).toEqual([]);
    await database.query(`UPDATE ad_syncs SET status = 'synced' WHERE id = $1`, [sync?.id]);
    expect(await step()).toEqual(['Segment sync to LinkedIn synced again']);
  });
});
