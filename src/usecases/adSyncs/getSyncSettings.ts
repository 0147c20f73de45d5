import { countToggledOnSyncs, findAdSyncSettings } from '../../adapters/db/repositories/adSyncs';
import { can, type Actor } from '../../domain/permissions/policy';
import { describeSyncLimitRule, syncLimitWarningFrom } from '../../domain/sync/syncLimit';
import { assertSyncPermission, type AdSyncDeps } from './adSyncDeps';

/** Settings > Advertising: the contracted sync limit with its usage and the Google consent (everyone reads, admins edit). */
export async function getSyncSettings({ orgId, actor }: { orgId: string; actor: Actor }, deps: Pick<AdSyncDeps, 'db'>) {
  assertSyncPermission(actor, 'view', orgId);
  const settings = await findAdSyncSettings(deps.db, orgId);
  const isSaved = settings.updatedAt.getTime() > 0;
  return {
    contractedSyncLimit: settings.contractedSyncLimit,
    googleAdUserDataConsent: settings.googleAdUserDataConsent as 'GRANTED' | 'DENIED',
    googleAdPersonalizationConsent: settings.googleAdPersonalizationConsent as 'GRANTED' | 'DENIED',
    usedCount: await countToggledOnSyncs(deps.db, orgId),
    warningFromCount: syncLimitWarningFrom(settings.contractedSyncLimit),
    limitRule: describeSyncLimitRule(settings.contractedSyncLimit),
    updatedAt: isSaved ? settings.updatedAt.toISOString() : null,
    canEdit: can(actor, 'integrations.manage'),
  };
}
