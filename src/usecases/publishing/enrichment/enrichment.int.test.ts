import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../adapters/db/database';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../adapters/emulators/salesforce/index';
import { KEPT_OTHER_VALUE_REASON } from '../../../domain/publish/segmentNameField';
import { openTestDatabase, testDatabaseKinds } from '../../../test/databases';
import { seedCompanies, type TestCompany } from '../../segments/segmentTestKit';
import { createOrchestration } from './createOrchestration';
import { connectedEnrichmentOrg, publishedEnrichmentSegment, runNow, snapshotRecords } from './enrichmentTestKit';
import { listEnrichmentRuns } from './listEnrichmentRuns';
import { TransientEnrichmentError } from './runEnrichment';

const FIELD = 'Segment_Names__c';
const COLLECTIONS = '/services/data/v62.0/composite/sobjects';

describe.each(testDatabaseKinds())('Segment Name Enrichment into Salesforce (%s)', (kind) => {
  let database: Database;
  let emulator: SalesforceEmulator;
  let companies: TestCompany[];
  const leadIds: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    emulator = await startSalesforceEmulator({ accountCount: 0, contactCount: 0, leadCount: 0 });
    ({ companies } = await seedCompanies(database, [
      { name: 'Alpha Corp', country: 'US' },
      { name: 'Beta Labs', country: 'DE' },
      { name: 'Gamma Works', country: 'FR' },
    ]));
    const [alpha, beta, gamma] = companies as [TestCompany, TestCompany, TestCompany];
    const lead = (key: string, email: string, extra: Record<string, string> = {}) => {
      leadIds[key] = emulator.state.insert('Lead', { LastName: key, Company: key, Email: email, Status: 'Open - Not Contacted', ...extra }).Id;
    };
    lead('alpha', `ann@${alpha.domain}`);
    lead('beta', `bob@${beta.domain}`);
    lead('gamma', `gus@${gamma.domain}`, { [FIELD]: 'Gamma Old' });
    lead('personal', 'pat@gmail.com');
    lead('typed', `tia@${beta.domain}`, { [FIELD]: 'Typed by a rep' });
    // Enough leads of Alpha for three sObject Collections batches (200 + 200 + the rest).
    for (let i = 0; i < 420; i += 1) lead(`bulk${i}`, `p${i}@${alpha.domain}`);
  });
  afterAll(async () => {
    await emulator.close();
    await database.close();
  });

  it('writes exactly the published segment names, clears a record whose account left them, keeps values openabm did not write; a second run writes nothing', async () => {
    const { org, deps, actor } = await connectedEnrichmentOrg(database, emulator);
    const [alpha, beta, gamma] = companies as [TestCompany, TestCompany, TestCompany];
    await publishedEnrichmentSegment(database, org.orgId, 'Beta Intent', [alpha.id]);
    await publishedEnrichmentSegment(database, org.orgId, 'Alpha Tier', [alpha.id, beta.id]);
    // Gamma is only in a segment that is not published to Segment Name Enrichment.
    const [hidden] = await database.query<{ id: string }>(`INSERT INTO segments (org_id, name, source_type, status) VALUES ($1, 'Not Published', 'upload', 'ready') RETURNING id`, [org.orgId]);
    await database.query('INSERT INTO segment_members (org_id, segment_id, company_id) VALUES ($1, $2, $3)', [org.orgId, hidden?.id, gamma.id]);
    const orchestration = await createOrchestration({ orgId: org.orgId, actor, input: { name: 'Leads', targetSystem: 'salesforce', targetObject: 'Lead', targetField: FIELD, conflictPolicy: 'keep_others' } }, deps);
    expect(orchestration).toMatchObject({ fieldType: 'textarea', fieldLength: 131_072 });
    // openabm wrote Gamma's value on an earlier day, so it may clear it; the rep's value is not openabm's.
    await database.query('INSERT INTO enrichment_written_values (org_id, orchestration_id, record_id, value) VALUES ($1, $2, $3, $4)', [org.orgId, orchestration.id, leadIds.gamma, 'Gamma Old']);
    const before = snapshotRecords(emulator, FIELD);
    const valuesBefore = new Map(emulator.state.records('Lead').map((record) => [record.Id, record[FIELD] ?? null]));
    const patchesBefore = emulator.server.requestsTo(COLLECTIONS, 'PATCH').length;

    const dry = await runNow(deps, org.orgId, orchestration.id, true);
    expect(dry.outcome).toEqual({ kind: 'done' });
    expect(emulator.server.requestsTo(COLLECTIONS, 'PATCH').length).toBe(patchesBefore);
    const preview = await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, runId: dry.runId, outcome: 'would_write', page: 1, pageSize: 500 } }, deps);
    expect(preview.items?.total).toBe(423);

    deps.clock.advance(60_000);
    const first = await runNow(deps, org.orgId, orchestration.id);
    expect(first.outcome).toEqual({ kind: 'done' });
    const value = (key: string) => emulator.state.get('Lead', leadIds[key] ?? '')?.[FIELD] ?? null;
    expect(value('alpha')).toBe('Alpha Tier;Beta Intent');
    expect(value('bulk419')).toBe('Alpha Tier;Beta Intent');
    expect(value('beta')).toBe('Alpha Tier');
    expect(value('gamma')).toBeNull();
    expect(value('personal')).toBeNull();
    expect(value('typed')).toBe('Typed by a rep');
    // Nothing else changed: every other field of every record, and the field of records that needed no change.
    expect(snapshotRecords(emulator, FIELD)).toEqual(before);
    const changed = emulator.state.records('Lead').filter((record) => (record[FIELD] ?? null) !== valuesBefore.get(record.Id)).map((record) => record.Id);
    expect(changed.sort()).toEqual([leadIds.alpha, leadIds.beta, leadIds.gamma, ...Array.from({ length: 420 }, (_, i) => leadIds[`bulk${i}`])].sort());
    // Three collections calls of at most 200 records: the fewest the batch limit allows for 423 changed records.
    const patches = emulator.server.requestsTo(COLLECTIONS, 'PATCH').slice(patchesBefore);
    expect(patches.map((request) => (request.body as { records: unknown[] }).records.length)).toEqual([200, 200, 23]);
    const history = await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, runId: first.runId, outcome: 'skipped', page: 1, pageSize: 50 } }, deps);
    expect(history.runs[0]).toMatchObject({ status: 'succeeded', recordsWritten: 423, recordsSkipped: 1, recordsFailed: 0, recordsScanned: 425, recordsUnchanged: 1 });
    expect(history.items?.items).toEqual([{ recordId: leadIds.typed, outcome: 'skipped', oldValue: 'Typed by a rep', newValue: 'Alpha Tier', droppedNames: [], reason: KEPT_OTHER_VALUE_REASON }]);

    deps.clock.advance(60_000);
    const second = await runNow(deps, org.orgId, orchestration.id);
    expect(second.outcome).toEqual({ kind: 'done' });
    expect(emulator.server.requestsTo(COLLECTIONS, 'PATCH').length).toBe(patchesBefore + 3);
    expect((await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, page: 1, pageSize: 10 } }, deps)).runs[0]).toMatchObject({ recordsWritten: 0, recordsUnchanged: 424, apiCalls: 2 });
  });

  it('resumes after a fault mid-run without losing or repeating a write', async () => {
    const { org, deps, actor } = await connectedEnrichmentOrg(database, emulator);
    const [alpha] = companies as [TestCompany];
    await publishedEnrichmentSegment(database, org.orgId, 'Fault Tier', [alpha.id]);
    const orchestration = await createOrchestration({ orgId: org.orgId, actor, input: { name: 'Leads', targetSystem: 'salesforce', targetObject: 'Lead', targetField: FIELD, conflictPolicy: 'overwrite' } }, deps);
    const patchesBefore = emulator.server.requestsTo(COLLECTIONS, 'PATCH').length;
    let collectionCalls = 0;
    // The second collections call and its three retries answer 503: the run stops after its first batch.
    const lift = emulator.server.addFault({
      label: 'second batch fails',
      times: 4,
      matches: (request) => request.method === 'PATCH' && request.url.startsWith(COLLECTIONS) && ++collectionCalls >= 2,
      respond: (_request, reply) => reply.code(503).send([{ message: 'Server unavailable', errorCode: 'SERVER_UNAVAILABLE' }]),
    });
    const valuesBefore = new Map(emulator.state.records('Lead').map((record) => [record.Id, record[FIELD] ?? null]));
    await expect(runNow(deps, org.orgId, orchestration.id)).rejects.toBeInstanceOf(TransientEnrichmentError);
    lift();
    const idsOf = (requests: ReturnType<typeof emulator.server.requestsTo>) => requests.flatMap((request) => (request.body as { records: Array<{ id: string }> }).records.map((record) => record.id));
    const firstBatch = idsOf(emulator.server.requestsTo(COLLECTIONS, 'PATCH').slice(patchesBefore, patchesBefore + 1));
    const [interrupted] = (await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, page: 1, pageSize: 10 } }, deps)).runs;
    expect(interrupted).toMatchObject({ status: 'interrupted', recordsWritten: 200 });
    const patchesAtFault = emulator.server.requestsTo(COLLECTIONS, 'PATCH').length;
    // pg-boss retries the job: the same run resumes from its checkpoint.
    const resumed = await runNow(deps, org.orgId, orchestration.id);
    expect(resumed.runId).toBe(interrupted?.id);
    expect(resumed.outcome).toEqual({ kind: 'done' });
    const alphaLeads = emulator.state.records('Lead').filter((record) => String(record.Email).endsWith(alpha.domain));
    expect(new Set(alphaLeads.map((record) => record[FIELD]))).toEqual(new Set(['Fault Tier']));
    const changedIds = emulator.state.records('Lead').filter((record) => (record[FIELD] ?? null) !== valuesBefore.get(record.Id)).map((record) => record.Id);
    const resumedIds = idsOf(emulator.server.requestsTo(COLLECTIONS, 'PATCH').slice(patchesAtFault));
    // Nothing written before the fault is written again, and nothing is lost.
    expect(resumedIds.filter((id) => firstBatch.includes(id))).toEqual([]);
    expect([...firstBatch, ...resumedIds].sort()).toEqual(changedIds.sort());
    const [done] = (await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, page: 1, pageSize: 10 } }, deps)).runs;
    expect(done).toMatchObject({ status: 'succeeded', recordsWritten: changedIds.length, recordsFailed: 0, attempts: 2 });
  });
});
