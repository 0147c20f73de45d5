import { InMemoryMailer } from '../../adapters/mailer/createMailer';
import type { Database } from '../../adapters/db/database';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../adapters/emulators/salesforce/index';
import { fixedClock } from '../../ports/clock';
import type { Mailer, OutgoingMail, SendResult } from '../../ports/mailer';
import { createTestOrg } from '../../test/createTestOrg';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../test/sandboxSalesforce';
import { RecordingJobQueue } from '../../test/testApp';
import type { CeDeps } from './ceDeps';
import { createAssistant, type AssistantInput } from './createAssistant';
import { createCampaign, type CampaignInput } from './createCampaign';
import { setupSalesforceFields } from './setupSalesforceFields';

export type TestClock = ReturnType<typeof fixedClock>;

/** Monday 2 March 2026, 10:00 UTC: inside the test campaigns' business hours. */
export const CE_TEST_START = new Date('2026-03-02T10:00:00Z');

/** A mailer that refuses addresses containing "bounce" with a permanent SMTP failure and keeps the rest (tests only). */
export class BouncingTestMailer implements Mailer {
  readonly inner = new InMemoryMailer();
  get outbox(): OutgoingMail[] {
    return this.inner.outbox;
  }
  async send(mail: OutgoingMail): Promise<SendResult> {
    if (mail.to.some((address) => address.includes('bounce'))) {
      return { status: 'failed', isPermanent: true, smtpCode: 550, message: '550 5.1.1 mailbox unknown', messageId: mail.messageId ?? '<x@test>', rejectedRecipients: mail.to };
    }
    return this.inner.send(mail);
  }
}

export async function startCeEmulator(): Promise<{ emulator: SalesforceEmulator; clock: TestClock }> {
  const clockHolder = fixedClock(CE_TEST_START);
  const emulator = await startSalesforceEmulator({ accountCount: 40, contactCount: 40, leadCount: 20, ceWebinarLeadCount: 4, clock: clockHolder });
  return { emulator, clock: clockHolder };
}

/** A fresh org connected to the emulator, with openabm's fields set up, one assistant and a draft campaign on `reportId`. */
export async function ceOrg(database: Database, emulator: SalesforceEmulator, clock: TestClock, reportId: string, options: { dailyApiCallCap?: number; extra?: Partial<CeDeps>; assistant?: Partial<AssistantInput>; campaign?: Partial<CampaignInput> } = {}) {
  const org = await createTestOrg(database);
  const mailer = new BouncingTestMailer();
  const base = sandboxDeps(database.db, emulator, clock.now());
  const deps = { ...base, clock, jobs: new RecordingJobQueue(), mailer, ...options.extra };
  const actor = adminActor(org.orgId, org.userIds.primary_admin);
  await connectSalesforceThroughOAuth(deps, actor);
  const setup = await setupSalesforceFields({ orgId: org.orgId, actor, input: { fieldMode: 'openabm', dncField: null, isActivitySyncOn: true } }, deps);
  const assistant = await createAssistant({ orgId: org.orgId, actor, input: { name: 'Ava Assistant', email: `ava.${org.orgId.slice(0, 8)}@openabm-demo.example`, signature: 'Ava, openabm demo', dailySendCap: 50, handoffRepEmail: 'jordan.lee@openabm-demo.example', timeZone: 'UTC', ...options.assistant } }, deps);
  const campaign = await createCampaign(
    {
      orgId: org.orgId,
      actor,
      input: {
        name: 'Webinar follow-up',
        assistantId: assistant.id,
        mainSequence: [
          { subject: 'Quick question, {{FirstName}}', body: 'Hi {{FirstName}}, thanks for joining our webinar. Would {{Company|your team}} like a demo?', delayDays: 0 },
          { subject: 'Following up', body: 'Hi {{FirstName}}, just following up on my last note.', delayDays: 3 },
        ],
        followUpSequences: [],
        businessHours: { timeZone: 'UTC', startHour: 9, endHour: 17, weekdays: [1, 2, 3, 4, 5] },
        reportId,
        dailyApiCallCap: options.dailyApiCallCap ?? 300,
        startsAt: null,
        ...options.campaign,
      },
    },
    deps,
  );
  return { org, deps, actor, setup, assistant, campaign, mailer };
}
