import {
  listApiLimitsReached,
  listConnectionSignals,
  readPrivacySignal,
  readThresholds,
  readWebVisitSignal,
  type ConnectionSignal,
} from '../../adapters/db/repositories/notificationSignals';
import {
  credentialState,
  hasFewTrackedPages,
  isDailySyncDelayed,
  isPrivacyReminderDay,
  isWebVisitDrop,
  lastDailySyncSchedule,
  utcDay,
  type AlertThresholds,
} from '../../domain/notifications/alertRules';
import { listOpenConditions, raiseAlert, resolveAlert } from './alertConditions';
import { resolveSyncDelay } from './announceCompletedSyncs';
import { evaluateActivationAlerts } from './evaluateActivationAlerts';
import { raiseNotification, type RaiseNotificationDeps } from './raiseNotification';

/**
 * Hourly per org: checks every alert condition and starts or ends it. Sending is
 * idempotent (raiseAlert/resolveAlert), so running this any number of times sends each alert once per start. A
 * delayed daily sync's completion is announced sooner by the minute sweep (announceCompletedSyncs).
 */
export async function evaluateAlerts({ orgId }: { orgId: string }, deps: RaiseNotificationDeps): Promise<void> {
  const now = deps.clock.now();
  const thresholds = await readThresholds(deps.db, orgId);
  const open = await listOpenConditions(deps, orgId);
  for (const connection of await listConnectionSignals(deps.db, orgId)) {
    await evaluateCredentials(orgId, connection, thresholds, open, deps);
    await evaluateConnectionError(orgId, connection, deps);
    if (connection.kind === 'crm') await evaluateSyncDelay(orgId, connection, thresholds, open, deps);
  }
  await evaluateApiLimits(orgId, open, deps);
  await evaluateWebVisits(orgId, thresholds, deps);
  await evaluateActivationAlerts({ orgId }, deps);
  if (isPrivacyReminderDay(now)) await sendPrivacyReminder(orgId, deps);
}

type OpenConditions = Awaited<ReturnType<typeof listOpenConditions>>;

async function evaluateCredentials(orgId: string, connection: ConnectionSignal, thresholds: AlertThresholds, open: OpenConditions, deps: RaiseNotificationDeps) {
  const now = deps.clock.now();
  const state = credentialState(connection, now, thresholds.expiryWarningDays);
  const expiredKey = `credential_expired:${connection.provider}`;
  // One warning series per set of credentials: new credentials (a new set-at date) warn again.
  const expiringKey = (days: number) => `credential_expiring:${connection.provider}:${utcDay(connection.credentialsSetAt)}:${days}`;
  const facts = { provider: connection.provider };
  if (state.kind === 'expired') {
    await raiseAlert({ orgId, conditionKey: expiredKey, type: 'credential_expired', facts: { ...facts, reason: state.reason } }, deps);
    return;
  }
  if (open.has(expiredKey)) await resolveAlert({ orgId, conditionKey: expiredKey, recoveryType: 'credential_updated', facts }, deps);
  if (state.kind === 'expiring') {
    await raiseAlert(
      { orgId, conditionKey: expiringKey(state.warningDays), type: 'credential_expiring', facts: { ...facts, daysLeft: state.warningDays, expiresOn: utcDay(state.expiresAt) } },
      deps,
    );
  }
}

/** A connection in `error` (the provider keeps failing): the state change is announced, and its end too. */
async function evaluateConnectionError(orgId: string, connection: ConnectionSignal, deps: RaiseNotificationDeps) {
  const conditionKey = `connection_error:${connection.provider}`;
  const facts = { provider: connection.provider, reason: connection.statusReason ?? '' };
  if (connection.status === 'error') {
    await raiseAlert({ orgId, conditionKey, type: 'crm_connection_changed', facts: { ...facts, statusLabel: 'in error', previousStatusLabel: 'connected' } }, deps);
  } else if (connection.status === 'connected') {
    await resolveAlert({ orgId, conditionKey, recoveryType: 'crm_connection_changed', facts: { ...facts, statusLabel: 'connected', previousStatusLabel: 'in error', whatToDo: 'Nothing: syncs run again.' } }, deps);
  }
}

async function evaluateSyncDelay(orgId: string, connection: ConnectionSignal, thresholds: AlertThresholds, open: OpenConditions, deps: RaiseNotificationDeps) {
  const now = deps.clock.now();
  const conditionKey = `data_sync_delay:${connection.provider}`;
  const scheduledAt = lastDailySyncSchedule(now);
  // A schedule before the connection existed is not a missed sync.
  const isSyncing = (connection.status === 'connected' || connection.status === 'expiring') && scheduledAt.getTime() >= connection.createdAt.getTime();
  const openDelay = open.get(conditionKey);
  if (openDelay) {
    const delayedSchedule = new Date(String(openDelay.facts.scheduledAt));
    if (connection.lastSyncAt && connection.lastSyncAt.getTime() >= delayedSchedule.getTime()) {
      await resolveSyncDelay(orgId, connection.provider, connection.lastSyncAt, deps);
    }
    return;
  }
  if (isSyncing && isDailySyncDelayed(connection.lastSyncAt, scheduledAt, now, thresholds.syncDelayHours)) {
    await raiseAlert(
      { orgId, conditionKey, type: 'data_sync_delayed', facts: { provider: connection.provider, scheduledAt: scheduledAt.toISOString(), delayHours: thresholds.syncDelayHours } },
      deps,
    );
  }
}

async function evaluateApiLimits(orgId: string, open: OpenConditions, deps: RaiseNotificationDeps) {
  const today = utcDay(deps.clock.now());
  const reached = await listApiLimitsReached(deps.db, orgId, today);
  // One condition per provider and UTC day: the allowance resets at midnight, so tomorrow's limit alerts again.
  for (const entry of reached) {
    await raiseAlert({ orgId, conditionKey: `api_limit:${entry.provider}:${today}`, type: 'api_limit_reached', facts: { provider: entry.provider, allowance: entry.callCount } }, deps);
  }
  for (const key of open.keys()) {
    if (key.startsWith('api_limit:') && !key.endsWith(`:${today}`)) await resolveAlert({ orgId, conditionKey: key, recoveryType: undefined, facts: {} }, deps);
  }
}

async function evaluateWebVisits(orgId: string, thresholds: AlertThresholds, deps: RaiseNotificationDeps) {
  const signal = await readWebVisitSignal(deps.db, orgId, deps.clock.now());
  const weeklyAverage = Math.round(signal.priorFourWeeksVisits / 4);
  if (isWebVisitDrop(signal.lastWeekVisits, signal.priorFourWeeksVisits, thresholds.visitDropPercent)) {
    await raiseAlert(
      { orgId, conditionKey: 'web_visit_drop', type: 'web_visit_drop', facts: { lastWeekVisits: signal.lastWeekVisits, weeklyAverage, thresholdPercent: thresholds.visitDropPercent } },
      deps,
    );
  } else {
    await resolveAlert({ orgId, conditionKey: 'web_visit_drop', recoveryType: undefined, facts: {} }, deps);
  }
  const visitsLastFiveWeeks = signal.lastWeekVisits + signal.priorFourWeeksVisits;
  if (hasFewTrackedPages(signal.pagesSeenLastWeek, visitsLastFiveWeeks, thresholds.minTrackedPages)) {
    await raiseAlert({ orgId, conditionKey: 'web_few_pages', type: 'web_few_pages', facts: { pagesSeen: signal.pagesSeenLastWeek, minPages: thresholds.minTrackedPages } }, deps);
  } else {
    await resolveAlert({ orgId, conditionKey: 'web_few_pages', recoveryType: undefined, facts: {} }, deps);
  }
}

/** Tuesdays: one reminder per org and day while requests are open (or were handled in the week, as a record). */
async function sendPrivacyReminder(orgId: string, deps: RaiseNotificationDeps) {
  const now = deps.clock.now();
  const signal = await readPrivacySignal(deps.db, orgId, now);
  if (signal.openCount === 0) return;
  await raiseNotification(
    {
      orgId,
      type: 'privacy_opt_out_reminder',
      dedupeKey: `privacy_reminder:${utcDay(now)}`,
      facts: { openCount: signal.openCount, oldestReceivedOn: signal.oldestReceivedAt ? utcDay(signal.oldestReceivedAt) : null, handledLastWeek: signal.handledLastWeek },
    },
    deps,
  );
}
