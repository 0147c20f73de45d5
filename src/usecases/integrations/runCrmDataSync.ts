import { findCrmConnection, updateCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { refreshPlannerStatistics } from '../../adapters/db/repositories/plannerStatistics';
import {
  commitSyncPage,
  completeCursorRun,
  findRunningSyncRun,
  findSyncCursor,
  insertSyncRun,
  startCursorRun,
  updateSyncRun,
} from '../../adapters/db/repositories/crmRecords';
import { canCallProvider, isConnectionStatus } from '../../domain/integrations/connectionState';
import { isCrmConnectorError } from '../../domain/integrations/crmErrors';
import { CRM_OBJECT_TYPES, type CrmObjectType, type CrmProvider } from '../../ports/crmConnector';
import { openCrmSession, recordFailure, applyConnectionEvent, type CrmSession } from './crmSession';
import type { IntegrationDeps } from './integrationDeps';

export interface CrmDataSyncResult {
  readonly status: 'completed' | 'failed' | 'stopped_api_limit' | 'stopped_reauth' | 'skipped';
  readonly runId: string | undefined;
  readonly recordsSynced: number;
  readonly apiCalls: number;
  readonly pagesCommitted: number;
  readonly errorMessage: string | undefined;
}

/**
 * The daily CRM data sync: accounts, contacts and leads, incremental by modification stamp. Each page is committed
 * with its checkpoint in one transaction; a run that stopped (crash, limit, outage) is resumed from the checkpoint by
 * the next call, and re-read rows are upserted, so nothing is lost or duplicated.
 */
export async function runCrmDataSync({ orgId, input }: { orgId: string; input: { provider: CrmProvider } }, deps: IntegrationDeps): Promise<CrmDataSyncResult> {
  const { provider } = input;
  const connection = await findCrmConnection(deps.db, orgId, provider);
  if (!connection || !isConnectionStatus(connection.status) || !canCallProvider(connection.status)) {
    return { status: 'skipped', runId: undefined, recordsSynced: 0, apiCalls: 0, pagesCommitted: 0, errorMessage: undefined };
  }
  const now = deps.clock.now();
  const run = (await findRunningSyncRun(deps.db, orgId, provider)) ?? (await insertSyncRun(deps.db, orgId, provider, connection.firstFullSyncAt === null, now));
  let session: CrmSession | undefined;
  let recordsSynced = run.recordsSynced;
  let pagesCommitted = 0;
  const previousCalls = run.apiCalls;
  const finish = async (status: Exclude<CrmDataSyncResult['status'], 'skipped'>, errorMessage: string | undefined): Promise<CrmDataSyncResult> => {
    const apiCalls = previousCalls + (session?.callCount() ?? 0);
    await updateSyncRun(deps.db, orgId, run.id, {
      status: status === 'failed' ? 'failed' : status,
      recordsSynced,
      apiCalls,
      errorMessage: errorMessage ?? null,
      finishedAt: deps.clock.now(),
    });
    return { status, runId: run.id, recordsSynced, apiCalls, pagesCommitted, errorMessage };
  };
  try {
    session = await openCrmSession(orgId, provider, deps);
    for (const objectType of CRM_OBJECT_TYPES) {
      const synced = await syncObjectType(session, run.id, objectType, deps, async (count) => {
        recordsSynced += count;
        pagesCommitted += 1;
        await updateSyncRun(deps.db, orgId, run.id, { recordsSynced, apiCalls: previousCalls + (session?.callCount() ?? 0) });
      });
      void synced;
    }
    const finishedAt = deps.clock.now();
    await updateCrmConnection(deps.db, orgId, connection.id, {
      lastSyncAt: finishedAt,
      ...(connection.firstFullSyncAt === null ? { firstFullSyncAt: finishedAt } : {}),
      updatedAt: finishedAt,
    });
    await applyConnectionEvent(deps, session.connection, 'call_succeeded', null);
    await refreshPlannerStatistics(deps.db, 'crmData');
    return await finish('completed', undefined);
  } catch (error) {
    if (!isCrmConnectorError(error)) throw error; // a bug or a crash: the run stays 'running' and is resumed next time
    if (session) await recordFailure(deps, session.connection, error);
    else await recordFailure(deps, connection, error);
    const status = error.kind === 'api_limit' ? 'stopped_api_limit' : error.kind === 'reauth' ? 'stopped_reauth' : 'failed';
    return await finish(status, error.message);
  }
}

/** One object type: resume an unfinished pass from its checkpoint, or start from the last completed stamp. */
async function syncObjectType(
  session: CrmSession,
  runId: string,
  objectType: CrmObjectType,
  deps: IntegrationDeps,
  onPage: (recordCount: number) => Promise<void>,
): Promise<void> {
  const { orgId, provider } = session.connection;
  const cursor = await findSyncCursor(deps.db, orgId, provider, objectType);
  if (cursor?.lastCompletedRunId === runId) return;
  let since: string | null;
  if (cursor?.runId) {
    // An unfinished pass (crash, limit, outage): carry on from the last committed page.
    since = cursor.runCheckpoint ?? cursor.runSince;
    if (cursor.runId !== runId) await startCursorRun(deps.db, orgId, provider, objectType, runId, since, deps.clock.now());
  } else {
    since = cursor?.completedStamp ?? null;
    await startCursorRun(deps.db, orgId, provider, objectType, runId, since, deps.clock.now());
  }
  let checkpoint = since;
  let pageToken: string | undefined;
  do {
    const page = await session.connector.readChanges(session.ctx, { objectType, modifiedSince: since ?? undefined, pageToken });
    const newest = page.records.reduce<string | null>((latest, record) => (record.modifiedAt && (!latest || record.modifiedAt > latest) ? record.modifiedAt : latest), null);
    if (newest && (!checkpoint || newest > checkpoint)) checkpoint = newest;
    await commitSyncPage(deps.db, orgId, provider, objectType, { runId, records: page.records, checkpoint }, deps.clock.now());
    await onPage(page.records.length);
    pageToken = page.nextPageToken;
  } while (pageToken);
  await completeCursorRun(deps.db, orgId, provider, objectType, { completedStamp: checkpoint, runId }, deps.clock.now());
}
