import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { listOutboxForEvent } from '../../adapters/db/repositories/notificationOutbox';
import { startSandboxSmtpServer, type SandboxSmtpServer } from '../../adapters/mailer/sandboxSmtpServer';
import { SmtpMailer } from '../../adapters/mailer/smtpMailer';
import { fixedClock } from '../../ports/clock';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { deliverNotifications } from './deliverNotifications';
import { raiseNotification } from './raiseNotification';

const config = { publicUrl: 'http://openabm.test', mailFrom: 'openabm <no-reply@openabm.test>' };

describe.each(testDatabaseKinds())('notification delivery over SMTP (%s)', (kind) => {
  let database: Database;
  let smtp: SandboxSmtpServer;
  let mailer: SmtpMailer;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSandboxSmtpServer({ port: 0 });
    smtp.rejectRecipient(/^bounce\./, 550);
    smtp.rejectRecipient(/^later\./, 451);
    mailer = new SmtpMailer({ smtpUrl: smtp.url, mailFrom: config.mailFrom, timeoutSeconds: 10 });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await database.close();
  });

  it('sends the primary administrator a plain-text and HTML message once, however often delivery runs', async () => {
    const org = await createTestOrg(database);
    const clock = fixedClock(new Date('2026-03-03T09:00:00Z'));
    const deps = { db: database.db, clock, config, mailer };
    const raised = await raiseNotification(
      { orgId: org.orgId, type: 'api_limit_reached', dedupeKey: 'api:test:1', facts: { provider: 'salesforce', allowance: 5000 } },
      deps,
    );
    const again = await raiseNotification({ orgId: org.orgId, type: 'api_limit_reached', dedupeKey: 'api:test:1', facts: { provider: 'salesforce', allowance: 5000 } }, deps);
    expect(again.isNew).toBe(false);
    const before = smtp.messages.length;
    await deliverNotifications({ orgId: org.orgId, eventId: raised.eventId ?? '' }, deps);
    await deliverNotifications('all', deps);
    const mine = smtp.messages.slice(before).filter((mail) => mail.to.includes(org.emails.primary_admin));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.subject).toBe('openabm: Daily API limit reached for Salesforce');
    expect(mine[0]?.text).toContain('What to do: Raise the daily API allowance');
    expect(mine[0]?.html).toContain('<strong>What happened:</strong>');
    expect(mine[0]?.from).toBe('"openabm" <no-reply@openabm.test>');
  });

  it('retries a temporary refusal with backoff and records a permanent one as bounced', async () => {
    const org = await createTestOrg(database);
    await database.query(`UPDATE users SET email = 'later.' || email WHERE id = $1`, [org.userIds.primary_admin]);
    await database.query(
      `INSERT INTO notification_recipients (org_id, category, email, confirmed_at) VALUES ($1, 'api_limits', $2, now())`,
      [org.orgId, `bounce.${org.orgId}@example.test`],
    );
    const clock = fixedClock(new Date('2026-03-03T09:00:00Z'));
    const deps = { db: database.db, clock, config, mailer };
    const raised = await raiseNotification({ orgId: org.orgId, type: 'api_limit_reached', dedupeKey: 'api:x', facts: { provider: 'dynamics', allowance: 10 } }, deps);
    const eventId = raised.eventId ?? '';
    expect(await deliverNotifications({ orgId: org.orgId, eventId }, deps)).toEqual({ sent: 0, bounced: 1, retrying: 1, failed: 0 });
    // Not due yet: nothing is attempted before the backoff has passed.
    expect(await deliverNotifications({ orgId: org.orgId, eventId }, deps)).toEqual({ sent: 0, bounced: 0, retrying: 0, failed: 0 });
    clock.advance(61_000);
    expect(await deliverNotifications({ orgId: org.orgId, eventId }, deps)).toEqual({ sent: 0, bounced: 0, retrying: 1, failed: 0 });
    const rows = await listOutboxForEvent(database.db, org.orgId, eventId);
    expect(rows.map((row) => [row.status, row.attempt_count])).toEqual([
      ['bounced', 1],
      ['pending', 2],
    ]);
    expect(rows[0]?.last_error).toMatch(/^550: /);
  });

  it('reports a permanent failure from the mailer as a value, with the SMTP code', async () => {
    const result = await mailer.send({ to: ['bounce.someone@example.test'], subject: 'x', text: 'y' });
    expect(result).toMatchObject({ status: 'failed', isPermanent: true, smtpCode: 550, rejectedRecipients: ['bounce.someone@example.test'] });
  });
});
