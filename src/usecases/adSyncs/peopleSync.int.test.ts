import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../adapters/emulators/google/index';
import { startMetaEmulator, type MetaEmulator } from '../../adapters/emulators/meta/index';
import type { Database } from '../../adapters/db/database';
import { findAdChannelConnection } from '../../adapters/db/repositories/adChannelConnections';
import { findAdSync, upsertAdSyncSettings } from '../../adapters/db/repositories/adSyncs';
import { sha256Hex } from '../../domain/sync/identifiers';
import { createTestOrg, type TestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { createTestDeps } from '../../test/testApp';
import { actorOf, seedCompanies, seedContacts, seedSegment, type SeededCompany } from './adSyncTestKit';
import type { AdSyncDeps } from './adSyncDeps';
import { connectSandboxChannel } from './connectChannel';
import { dryRunSync } from './dryRunSync';
import { createSync, toggleSync } from './manageSyncs';
import { runAdSync } from './runAdSync';
import { getSync } from './syncViews';

/** Customer-list audiences (Meta, Google) against their emulators: hashing, per-row rejections, faults, consent. */
describe.each(testDatabaseKinds())('Meta and Google segment syncs on %s', (kind) => {
  let meta: MetaEmulator;
  let google: GoogleEmulator;
  let database: Database;
  let deps: AdSyncDeps & ReturnType<typeof createTestDeps>;
  let companies: SeededCompany[];
  const sleeps: number[] = [];
  const emailOf = (index: number) => (index === 0 ? 'not an e-mail' : `Person.${index}@Example.com `);

  beforeAll(async () => {
    [meta, google] = await Promise.all([startMetaEmulator(), startGoogleEmulator()]);
    database = await openTestDatabase(kind);
    const base = createTestDeps(database, {
      sandboxUrls: { meta: meta.baseUrl, google: google.baseUrl },
      sandboxCredentials: { meta: { ...meta.credentials }, google: { ...google.credentials } },
    });
    const advance = (ms: number) => {
      meta.state.options.clock.advance(ms);
      google.state.options.clock.advance(ms);
    };
    deps = { ...base, sleep: async (ms: number) => void (sleeps.push(ms), advance(ms)), maxChannelWaitMs: 10 * 60_000 };
    companies = await seedCompanies(database, 8);
  });
  afterAll(async () => {
    await database.close();
    await Promise.all([meta.close(), google.close()]);
  });

  async function setUp(channel: 'meta' | 'google', adAccountId: string): Promise<{ org: TestOrg; syncId: string; segmentId: string }> {
    const org = await createTestOrg(database);
    await seedContacts(database, org.orgId, companies, emailOf);
    const actor = actorOf(org, 'marketing_user');
    await connectSandboxChannel({ orgId: org.orgId, actor, input: { channel } }, deps);
    const segmentId = await seedSegment(database, org.orgId, companies.map((company) => company.id));
    const { sync } = await createSync({ orgId: org.orgId, actor, input: { segmentId, channel, adAccountId } }, deps);
    return { org, syncId: sync.id, segmentId };
  }

  async function audienceMembers(baseUrl: string, audienceId: string): Promise<Array<Record<string, string>>> {
    const body = (await (await fetch(`${baseUrl}/__emulator/audiences/${audienceId}/members`)).json()) as { members: Array<{ identifiers: Record<string, string> }> };
    return body.members.map((member) => member.identifiers);
  }
  const expectedHashes = () => Array.from({ length: 7 }, (_, index) => sha256Hex(`person.${index + 1}@example.com`)).sort();

  it('dry run: people with an identifier, and 0 people with the reason when the CRM has none', async () => {
    const { org, segmentId } = await setUp('meta', meta.credentials.adAccountId);
    const run = await dryRunSync({ orgId: org.orgId, actor: actorOf(org, 'view_only'), input: { segmentId, channel: 'meta' } }, deps);
    expect(run).toMatchObject({ accountCount: 8, peopleCount: 8, identifiableCount: 8, memberKind: 'person' });
    const empty = await createTestOrg(database);
    const emptySegment = await seedSegment(database, empty.orgId, companies.map((company) => company.id));
    const none = await dryRunSync({ orgId: empty.orgId, actor: actorOf(empty, 'view_only'), input: { segmentId: emptySegment, channel: 'google' } }, deps);
    expect(none.peopleCount).toBe(0);
    expect(none.warnings[0]).toBe(
      "0 people: none of the segment's 8 accounts has a synced CRM contact or lead. Google audiences are lists of people; connect your CRM and let its contacts sync first.",
    );
  });

  it('Meta: sends each person hashed once, keeps the bad row apart, and the audience holds exactly the segment’s people', async () => {
    const { org, syncId } = await setUp('meta', meta.credentials.adAccountId);
    const lift = meta.injectFault('rate_limit', { times: 1, code: 80003 });
    try {
      expect(await runAdSync({ orgId: org.orgId, syncId, trigger: 'create' }, deps)).toMatchObject({ kind: 'succeeded' });
    } finally {
      lift();
    }
    const sync = await findAdSync(database.db, org.orgId, syncId);
    const members = await audienceMembers(meta.baseUrl, sync?.audienceId ?? '');
    expect(members.map((member) => member.EMAIL ?? member.EMAIL_SHA256 ?? '').sort()).toEqual(expectedHashes());
    const view = await getSync({ orgId: org.orgId, actor: actorOf(org, 'view_only'), input: { syncId } }, deps);
    expect(view.rejections.items).toEqual([expect.objectContaining({ label: 'Person 0', reason: 'The e-mail address and phone number are not valid after normalisation.' })]);
    expect(view.sync).toMatchObject({ status: 'synced', sentCount: 7 });
  });

  it('Meta: an expired login (190) is a re-auth state, not a retry', async () => {
    const { org, syncId } = await setUp('meta', meta.credentials.adAccountId);
    const lift = meta.injectFault('expired_token', {});
    try {
      expect(await runAdSync({ orgId: org.orgId, syncId, trigger: 'create' }, deps)).toMatchObject({ kind: 'failed', code: 'token_expired' });
    } finally {
      lift();
    }
    const connection = await findAdChannelConnection(database.db, org.orgId, org.userIds.marketing_user, 'meta');
    expect(connection?.status).toBe('reauth_required');
  });

  it('Google: refuses without declared consent, then syncs through the Data Manager API once granted', async () => {
    const { org, syncId } = await setUp('google', google.credentials.adAccountId);
    expect(await runAdSync({ orgId: org.orgId, syncId, trigger: 'create' }, deps)).toMatchObject({ kind: 'failed', code: 'consent_not_granted' });
    await upsertAdSyncSettings(database.db, org.orgId, { contractedSyncLimit: null, googleAdUserDataConsent: 'GRANTED', googleAdPersonalizationConsent: 'GRANTED' });
    await toggleSync({ orgId: org.orgId, actor: actorOf(org, 'marketing_user'), input: { syncId, isOn: true } }, deps);
    expect(await runAdSync({ orgId: org.orgId, syncId, trigger: 'toggle_on' }, deps)).toMatchObject({ kind: 'succeeded' });
    const sync = await findAdSync(database.db, org.orgId, syncId);
    const members = await audienceMembers(google.baseUrl, sync?.audienceId ?? '');
    expect(members).toHaveLength(7);
  });
});
