import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../adapters/db/database';
import { startEloquaEmulator, type EloquaEmulator } from '../../../adapters/emulators/eloqua/index';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../../adapters/emulators/hubspot/index';
import type { EmulatorServer } from '../../../adapters/emulators/kit/emulatorServer';
import { startMarketoEmulator, type MarketoEmulator } from '../../../adapters/emulators/marketo/index';
import { startPardotEmulator, type PardotEmulator } from '../../../adapters/emulators/pardot/index';
import { KEPT_OTHER_VALUE_REASON } from '../../../domain/publish/segmentNameField';
import type { MapProviderId } from '../../../ports/mapConnector';
import { openTestDatabase, testDatabaseKinds } from '../../../test/databases';
import { seedCompanies, type TestCompany } from '../../segments/segmentTestKit';
import { createOrchestration } from './createOrchestration';
import { connectedMapEnrichmentOrg, publishedEnrichmentSegment, runNow } from './enrichmentTestKit';
import { listEnrichmentRuns } from './listEnrichmentRuns';
import { TransientEnrichmentError } from './runEnrichment';

/** A person of the MAP: e-mail, company, and an optional starting value of the enrichment field. */
interface Person {
  readonly email: string;
  readonly company: string;
  readonly value?: string;
}

/** What the test needs of one MAP emulator, whatever its shape. */
interface MapUnderTest {
  readonly baseUrl: string;
  readonly credentials: Readonly<Record<string, string>>;
  readonly server: EmulatorServer;
  insert(person: Person): string;
  valueOf(id: string): string | null;
  /** Every record's fields except the enrichment field and modification stamps, for "nothing else changed". */
  snapshot(): Map<string, unknown>;
  remove(id: string): void;
  close(): Promise<void>;
}

interface ProviderCase {
  readonly provider: MapProviderId;
  readonly object: string;
  readonly field: string;
  /** Request path (prefix) and method of the provider's write call. */
  readonly write: { readonly path: string; readonly method: string };
  /** Records per write call: a batch API carries many, Pardot and Eloqua one. */
  readonly recordsOf: (body: unknown) => number;
  /** The provider's reason for a record that no longer exists. */
  readonly missingReason: RegExp;
  start(): Promise<MapUnderTest>;
}

const blank = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value));
const STAMPS = new Set(['updatedAt', 'lastmodifieddate', 'hs_lastmodifieddate']);
const without = (record: Record<string, unknown>, field: string) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== field && !STAMPS.has(key)));

const CASES: ProviderCase[] = [
  {
    provider: 'hubspot',
    object: 'contacts',
    field: 'abm_segment_names',
    write: { path: '/crm/v3/objects/contacts/batch/update', method: 'POST' },
    recordsOf: (body) => (body as { inputs: unknown[] }).inputs.length,
    missingReason: /OBJECT_NOT_FOUND/,
    async start() {
      const emulator: HubSpotEmulator = await startHubSpotEmulator({ contactCount: 0 });
      const contacts = () => emulator.state.ensureObject('contacts').records;
      return {
        ...emulator,
        insert: (person) => emulator.state.insert('contacts', { email: person.email, company: person.company, abm_segment_names: person.value ?? null }).id,
        valueOf: (id) => blank(contacts().get(id)?.properties.abm_segment_names),
        snapshot: () => new Map([...contacts()].map(([id, record]) => [id, without(record.properties, 'abm_segment_names')])),
        remove: (id) => void contacts().delete(id),
      };
    },
  },
  {
    provider: 'marketo',
    object: 'lead',
    field: 'aBMSegmentsLong',
    write: { path: '/rest/v1/leads.json', method: 'POST' },
    recordsOf: (body) => (body as { input: unknown[] }).input.length,
    missingReason: /1004/,
    async start() {
      const emulator: MarketoEmulator = await startMarketoEmulator({ leadCount: 0 });
      return {
        ...emulator,
        insert: (person) => emulator.state.insert({ email: person.email, company: person.company, aBMSegmentsLong: person.value ?? null }).id,
        valueOf: (id) => blank(emulator.state.leads.get(Number(id))?.aBMSegmentsLong),
        snapshot: () => new Map([...emulator.state.leads].map(([id, lead]) => [String(id), without(lead, 'aBMSegmentsLong')])),
        remove: (id) => void emulator.state.leads.delete(Number(id)),
      };
    },
  },
  {
    provider: 'pardot',
    object: 'prospect',
    field: 'ABM_Segments_Long__c',
    write: { path: '/api/v5/objects/prospects/', method: 'PATCH' },
    recordsOf: () => 1,
    missingReason: /Invalid prospect ID/,
    async start() {
      const emulator: PardotEmulator = await startPardotEmulator({ prospectCount: 0 });
      return {
        ...emulator,
        insert: (person) => String(emulator.state.insert({ email: person.email, company: person.company, ABM_Segments_Long__c: person.value ?? null }).id),
        valueOf: (id) => blank(emulator.state.prospects.get(Number(id))?.ABM_Segments_Long__c),
        snapshot: () => new Map([...emulator.state.prospects].map(([id, prospect]) => [String(id), without(prospect, 'ABM_Segments_Long__c')])),
        remove: (id) => void emulator.state.prospects.delete(Number(id)),
      };
    },
  },
  {
    provider: 'eloqua',
    object: 'contact',
    field: '100280',
    write: { path: '/api/REST/1.0/data/contact/', method: 'PUT' },
    recordsOf: () => 1,
    missingReason: /^HTTP_404: There was an error processing the request\.$/,
    async start() {
      const emulator: EloquaEmulator = await startEloquaEmulator({ contactCount: 0 });
      return {
        ...emulator,
        insert: (person) => {
          const contact = emulator.state.insert({ emailAddress: person.email, firstName: 'Test', lastName: person.email.split('@')[0] ?? '', accountName: person.company, country: 'US' });
          if (person.value) contact.fieldValues.set('100280', person.value);
          return contact.id;
        },
        valueOf: (id) => blank(emulator.state.contacts.get(id)?.fieldValues.get('100280')),
        snapshot: () =>
          new Map([...emulator.state.contacts].map(([id, contact]) => {
            const { fieldValues, updatedAt: _updatedAt, ...rest } = contact;
            return [id, { ...rest, fieldValues: [...fieldValues].filter(([fieldId]) => fieldId !== '100280') }];
          })),
        remove: (id) => void emulator.state.contacts.delete(id),
      };
    },
  },
];

/** Enough people of Alpha for several pages and batches of every provider. */
const BULK = 320;

describe.each(testDatabaseKinds())('Segment Name Enrichment into MAP leads (%s)', (kind) => {
  let database: Database;
  let companies: TestCompany[];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ companies } = await seedCompanies(database, [
      { name: 'Alpha Corp', country: 'US' },
      { name: 'Beta Labs', country: 'DE' },
      { name: 'Gamma Works', country: 'FR' },
    ]));
  });
  afterAll(async () => {
    await database.close();
  });

  describe.each(CASES)('$provider', (spec) => {
    let emulator: MapUnderTest;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      emulator = await spec.start();
      const [alpha, beta, gamma] = companies as [TestCompany, TestCompany, TestCompany];
      const person = (key: string, email: string, company: string, value?: string) => {
        ids[key] = emulator.insert({ email, company, ...(value === undefined ? {} : { value }) });
      };
      person('alpha', `ann@${alpha.domain}`, alpha.name);
      person('beta', `bob@${beta.domain}`, beta.name);
      person('gamma', `gus@${gamma.domain}`, gamma.name, 'Gamma Old');
      person('personal', 'pat@gmail.com', 'Pat');
      person('typed', `tia@${beta.domain}`, beta.name, 'Typed by a rep');
      for (let i = 0; i < BULK; i += 1) person(`bulk${i}`, `p${i}@${alpha.domain}`, alpha.name);
    });
    afterAll(async () => {
      await emulator.close();
    });

    const writes = () => emulator.server.requestsTo(spec.write.path, spec.write.method);
    const writtenRecords = (requests: ReturnType<typeof writes>) => requests.reduce((sum, request) => sum + spec.recordsOf(request.body), 0);

    it('writes exactly the published names through the batch API, records a refused record with the provider reason, and a second run writes nothing', async () => {
      const { org, deps, actor } = await connectedMapEnrichmentOrg(database, spec.provider, emulator);
      const [alpha, beta, gamma] = companies as [TestCompany, TestCompany, TestCompany];
      await publishedEnrichmentSegment(database, org.orgId, 'Beta Intent', [alpha.id]);
      await publishedEnrichmentSegment(database, org.orgId, 'Alpha Tier', [alpha.id, beta.id]);
      const [hidden] = await database.query<{ id: string }>(`INSERT INTO segments (org_id, name, source_type, status) VALUES ($1, 'Not Published', 'upload', 'ready') RETURNING id`, [org.orgId]);
      await database.query('INSERT INTO segment_members (org_id, segment_id, company_id) VALUES ($1, $2, $3)', [org.orgId, hidden?.id, gamma.id]);
      const orchestration = await createOrchestration({ orgId: org.orgId, actor, input: { name: 'Leads', targetSystem: spec.provider, targetObject: spec.object, targetField: spec.field, conflictPolicy: 'keep_others' } }, deps);
      await database.query('INSERT INTO enrichment_written_values (org_id, orchestration_id, record_id, value) VALUES ($1, $2, $3, $4)', [org.orgId, orchestration.id, ids.gamma, 'Gamma Old']);
      const before = emulator.snapshot();

      const dry = await runNow(deps, org.orgId, orchestration.id, true);
      expect(dry.outcome).toEqual({ kind: 'done' });
      expect(writes()).toHaveLength(0);
      const preview = await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, runId: dry.runId, outcome: 'would_write', page: 1, pageSize: 10 } }, deps);
      expect(preview.items?.total).toBe(BULK + 3);

      // The last bulk record disappears between the read and its write: the provider refuses that one record.
      const gone = ids[`bulk${BULK - 1}`] ?? '';
      const lift = emulator.server.addFault({
        label: 'record deleted meanwhile',
        matches: (request) => {
          const carriesGone = new RegExp(`\\b${gone}\\b`).test(`${request.url} ${JSON.stringify(request.body ?? null)}`);
          if (request.method === spec.write.method && new URL(request.url, 'http://x').pathname.startsWith(spec.write.path) && carriesGone) emulator.remove(gone);
          return false;
        },
      });
      deps.clock.advance(60_000);
      const first = await runNow(deps, org.orgId, orchestration.id);
      lift();
      expect(first.outcome).toEqual({ kind: 'done' });
      expect(emulator.valueOf(ids.alpha ?? '')).toBe('Alpha Tier;Beta Intent');
      expect(emulator.valueOf(ids[`bulk${BULK - 2}`] ?? '')).toBe('Alpha Tier;Beta Intent');
      expect(emulator.valueOf(ids.beta ?? '')).toBe('Alpha Tier');
      expect(emulator.valueOf(ids.gamma ?? '')).toBeNull();
      expect(emulator.valueOf(ids.personal ?? '')).toBeNull();
      expect(emulator.valueOf(ids.typed ?? '')).toBe('Typed by a rep');
      // Nothing else changed on any record (the deleted one aside).
      before.delete(gone);
      expect(emulator.snapshot()).toEqual(before);
      const sent = writes();
      expect(writtenRecords(sent)).toBe(BULK + 3);
      const batchMax = { hubspot: 100, marketo: 300, pardot: 1, eloqua: 1 }[spec.provider];
      expect(sent.every((request) => spec.recordsOf(request.body) <= batchMax)).toBe(true);
      const [run] = (await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, runId: first.runId, outcome: 'failed', page: 1, pageSize: 10 } }, deps)).runs;
      expect(run).toMatchObject({ status: 'succeeded', recordsWritten: BULK + 2, recordsFailed: 1, recordsSkipped: 1, recordsScanned: BULK + 5 });
      const failed = await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, runId: first.runId, outcome: 'failed', page: 1, pageSize: 10 } }, deps);
      expect(failed.items?.items).toEqual([expect.objectContaining({ recordId: gone, outcome: 'failed', newValue: 'Alpha Tier;Beta Intent', reason: expect.stringMatching(spec.missingReason) })]);
      const skipped = await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, runId: first.runId, outcome: 'skipped', page: 1, pageSize: 10 } }, deps);
      expect(skipped.items?.items).toEqual([expect.objectContaining({ recordId: ids.typed, reason: KEPT_OTHER_VALUE_REASON })]);

      deps.clock.advance(60_000);
      const second = await runNow(deps, org.orgId, orchestration.id);
      expect(second.outcome).toEqual({ kind: 'done' });
      expect(writes()).toHaveLength(sent.length);
      expect((await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, page: 1, pageSize: 10 } }, deps)).runs[0]).toMatchObject({ recordsWritten: 0, recordsFailed: 0, recordsUnchanged: BULK + 3 });
    });

    it('resumes after the provider fails mid-run, writing each pending record once and losing none', async () => {
      const { org, deps, actor } = await connectedMapEnrichmentOrg(database, spec.provider, emulator);
      const [alpha] = companies as [TestCompany];
      await publishedEnrichmentSegment(database, org.orgId, 'Fault Tier', [alpha.id]);
      const orchestration = await createOrchestration({ orgId: org.orgId, actor, input: { name: 'Leads', targetSystem: spec.provider, targetObject: spec.object, targetField: spec.field, conflictPolicy: 'overwrite' } }, deps);
      const valuesBefore = new Map(Object.values(ids).map((id) => [id, emulator.valueOf(id)]));
      const writesBefore = writes().length;
      let writeCalls = 0;
      // The second write call and its retries answer 503: the run stops there.
      const lift = emulator.server.addFault({
        label: 'second write fails',
        times: 4,
        matches: (request) => request.method === spec.write.method && new URL(request.url, 'http://x').pathname.startsWith(spec.write.path) && ++writeCalls >= 2,
        respond: (_request, reply) => reply.code(503).send('Service Unavailable'),
      });
      await expect(runNow(deps, org.orgId, orchestration.id)).rejects.toBeInstanceOf(TransientEnrichmentError);
      lift();
      const [interrupted] = (await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, page: 1, pageSize: 10 } }, deps)).runs;
      expect(interrupted).toMatchObject({ status: 'interrupted', recordsFailed: 0 });
      const resumed = await runNow(deps, org.orgId, orchestration.id);
      expect(resumed).toMatchObject({ runId: interrupted?.id, outcome: { kind: 'done' } });
      const alphaIds = Object.entries(ids).filter(([key]) => key === 'alpha' || key.startsWith('bulk')).map(([, id]) => id).filter((id) => emulator.snapshot().has(id));
      expect(new Set(alphaIds.map((id) => emulator.valueOf(id)))).toEqual(new Set(['Fault Tier']));
      const changed = [...valuesBefore].filter(([id, value]) => emulator.snapshot().has(id) && emulator.valueOf(id) !== value);
      // Every successful write call carried pending records only: the records written equal the records changed.
      const succeeded = writes().slice(writesBefore).filter((_request, index) => index === 0 || index > 4);
      expect(writtenRecords(succeeded)).toBe(changed.length);
      const [done] = (await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, page: 1, pageSize: 10 } }, deps)).runs;
      expect(done).toMatchObject({ status: 'succeeded', recordsWritten: changed.length, recordsFailed: 0, attempts: 2 });
    });
  });
});
