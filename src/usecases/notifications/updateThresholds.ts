import { saveThresholds } from '../../adapters/db/repositories/notificationSignals';
import type { AlertThresholds } from '../../domain/notifications/alertRules';
import type { Actor } from '../../domain/permissions/policy';
import { assertCanManageNotifications, type NotificationDeps } from './notificationDeps';

export async function updateThresholds({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: AlertThresholds }, deps: Pick<NotificationDeps, 'db' | 'clock'>) {
  assertCanManageNotifications(actor, orgId);
  const thresholds = { ...input, expiryWarningDays: [...new Set(input.expiryWarningDays)].sort((a, b) => b - a) };
  await saveThresholds(deps.db, orgId, thresholds, deps.clock.now());
  return thresholds;
}
