// Test set-up for Segment Name Enrichment against the Salesforce emulator (tests and the bench only, not the app).
import type { SalesforceEmulator, SObjectRecord } from '../../../adapters/emulators/salesforce/index';
import type { Database } from '../../../adapters/db/database';
import { createTestOrg } from '../../../test/createTestOrg';
import { RecordingJobQueue } from '../../../test/testApp';
import { adminActor, connectSalesforceThroughOAuth, sandboxDeps } from '../../../test/sandboxSalesforce';
import { linkCrmAccountsToCompanies } from '../../crmAccounts/linkCrmAccountsToCompanies';
import { runCrmDataSync } from '../../integrations/runCrmDataSync';
import { completeMapOAuth } from '../../mapIntegrations/completeMapOAuth';
import { startMapConnection } from '../../mapIntegrations/startMapConnection';
import type { MapProviderId } from '../../../ports/mapConnector';
import { RUN_ENRICHMENT_JOB } from './enrichmentDeps';
import { runEnrichment } from './runEnrichment';
import { startEnrichmentRun } from './startEnrichmentRun';

/** An org connected to the emulator, its CRM records synced and linked, with deps that record enqueued jobs. */
export async function connectedEnrichmentOrg(database: Database, emulator: SalesforceEmulator, options: { dailyApiAllowance?: number } = {}) {
  const org = await createTestOrg(database);
  const deps = { ...sandboxDeps(database.db, emulator), jobs: new RecordingJobQueue() };
  const actor = adminActor(org.orgId, org.userIds.primary_admin);
  await connectSalesforceThroughOAuth(deps, actor, options);
  await runCrmDataSync({ orgId: org.orgId, input: { provider: 'salesforce' } }, deps);
  await linkCrmAccountsToCompanies({ orgId: org.orgId, input: { provider: 'salesforce' } }, deps);
  return { org, deps, actor };
}

/** Publishes a new segment with these members to Segment Name Enrichment. */
export async function publishedEnrichmentSegment(database: Database, orgId: string, name: string, companyIds: readonly string[]): Promise<string> {
  const [segment] = await database.query<{ id: string }>(`INSERT INTO segments (org_id, name, source_type, status, member_count) VALUES ($1, $2, 'upload', 'ready', $3) RETURNING id`, [orgId, name, companyIds.length]);
  const segmentId = segment?.id ?? '';
  for (const companyId of companyIds) await database.query('INSERT INTO segment_members (org_id, segment_id, company_id) VALUES ($1, $2, $3)', [orgId, segmentId, companyId]);
  await database.query(`INSERT INTO segment_publications (org_id, segment_id, use) VALUES ($1, $2, 'enrichment')`, [orgId, segmentId]);
  return segmentId;
}

/** Queues a run like "Run now" and runs the queued job in-process (what the worker would do). */
export async function runNow(deps: Parameters<typeof startEnrichmentRun>[1] & { jobs: RecordingJobQueue }, orgId: string, orchestrationId: string, isDryRun = false) {
  const { run } = await startEnrichmentRun({ orgId, actor: undefined, input: { orchestrationId, isDryRun, trigger: 'manual' } }, deps);
  const job = deps.jobs.enqueued.at(-1);
  if (job?.name !== RUN_ENRICHMENT_JOB) throw new Error('no enrichment job was queued');
  return { runId: run.id, outcome: await runEnrichment(job.payload as { orgId: string; runId: string }, deps) };
}

const STAMPS = new Set(['LastModifiedDate', 'SystemModstamp', 'LastModifiedById']);

/** Every record of Account, Contact and Lead without the modification stamps, for "nothing else changed". */
export function snapshotRecords(emulator: SalesforceEmulator, ignoredField: string): Map<string, Record<string, unknown>> {
  const snapshot = new Map<string, Record<string, unknown>>();
  for (const type of ['Account', 'Contact', 'Lead']) {
    for (const record of emulator.state.records(type) as SObjectRecord[]) {
      snapshot.set(record.Id, Object.fromEntries(Object.entries(record).filter(([key]) => !STAMPS.has(key) && key !== ignoredField)));
    }
  }
  return snapshot;
}

/** An org connected to a MAP emulator through the connect use cases (OAuth callback or client credentials), with deps that record enqueued jobs. */
export async function connectedMapEnrichmentOrg(database: Database, provider: MapProviderId, emulator: { baseUrl: string; credentials: Readonly<Record<string, string>> }) {
  const org = await createTestOrg(database);
  const base = sandboxDeps(database.db, { baseUrl: emulator.baseUrl, credentials: { clientId: '', clientSecret: '' } });
  const deps = { ...base, sandboxUrls: { [provider]: emulator.baseUrl }, sandboxCredentials: { [provider]: { ...emulator.credentials } }, jobs: new RecordingJobQueue() };
  const actor = adminActor(org.orgId, org.userIds.primary_admin);
  const started = await startMapConnection({ orgId: org.orgId, actor, input: { provider, environment: 'emulator', credentialPolicy: 'never_expire' } }, deps);
  if (started.authorizationUrl) {
    const consent = await fetch(started.authorizationUrl, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    const done = await completeMapOAuth({ input: { state: back.searchParams.get('state') ?? '', code: back.searchParams.get('code') ?? undefined } }, deps);
    if (!done.isConnected) throw new Error(`connecting ${provider} failed: ${done.redirectTo}`);
  }
  return { org, deps, actor };
}
