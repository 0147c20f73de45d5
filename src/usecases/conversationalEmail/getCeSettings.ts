import { findCeSettings } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import type { PreflightResult } from '../../domain/conversationalEmail/preflight';
import type { FieldMode } from '../../domain/conversationalEmail/fieldMapping';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';

export async function getCeSettings({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: Pick<CeDeps, 'db'>) {
  assertCeCan(actor, 'view', orgId);
  const settings = await findCeSettings(deps.db, orgId);
  return {
    fieldMode: settings.fieldMode as FieldMode,
    fieldMap: settings.fieldMap,
    dncField: settings.dncField,
    isActivitySyncOn: settings.isActivitySyncOn,
    fieldsReadyAt: settings.fieldsReadyAt?.toISOString() ?? null,
    preflight: (settings.preflight as PreflightResult | null) ?? null,
    preflightAt: settings.preflightAt?.toISOString() ?? null,
    crmReservedSharePercent: settings.crmReservedSharePercent,
    hasInboundWebhook: settings.inboundTokenHash !== null,
  };
}
