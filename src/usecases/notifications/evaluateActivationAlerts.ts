import { listAdSyncSignals, listEnrichmentSignals } from '../../adapters/db/repositories/activationSignals';
import { raiseAlert, resolveAlert } from './alertConditions';
import type { RaiseNotificationDeps } from './raiseNotification';

/**
 * Ad-sync failures (alert when a sync turns failed; "synced again" when it recovers) and enrichment failures (the
 * latest run of an orchestration failed; recovery when a later run succeeds), read from those areas' tables.
 * Those areas may also raise their own events through raiseNotification/raiseAlert with the same condition keys
 * (`ad_sync:<syncId>`, `enrichment:<orchestrationId>`): whichever comes first sends, the other does nothing.
 */
export async function evaluateActivationAlerts({ orgId }: { orgId: string }, deps: RaiseNotificationDeps): Promise<void> {
  for (const sync of await listAdSyncSignals(deps.db, orgId)) {
    const conditionKey = `ad_sync:${sync.syncId}`;
    const facts = { channel: sync.channel, segmentName: sync.segmentName };
    if (sync.status === 'failed') {
      await raiseAlert({ orgId, conditionKey, type: 'ad_sync_failed', subjectId: sync.syncId, facts: { ...facts, error: sync.lastError ?? 'see the sync’s runs' } }, deps);
    } else {
      await resolveAlert({ orgId, conditionKey, recoveryType: 'ad_sync_recovered', subjectId: sync.syncId, facts }, deps);
    }
  }
  for (const orchestration of await listEnrichmentSignals(deps.db, orgId)) {
    const conditionKey = `enrichment:${orchestration.orchestrationId}`;
    const facts = { provider: orchestration.targetSystem };
    if (orchestration.lastStatus === 'failed') {
      await raiseAlert(
        { orgId, conditionKey, type: 'enrichment_failed', subjectId: orchestration.orchestrationId, facts: { ...facts, error: `${orchestration.name}: ${orchestration.lastError ?? 'the run failed'}` } },
        deps,
      );
    } else {
      await resolveAlert({ orgId, conditionKey, recoveryType: 'publishing_recovered', subjectId: orchestration.orchestrationId, facts }, deps);
    }
  }
}
