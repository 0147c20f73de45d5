import { listAssistantRows, updateCeSettings, type CeSettingsRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { AppError } from '../../domain/appError';
import { detectPackages, missingValues, OPENABM_DNC_FIELD, OPENABM_FIELD_SPECS, resolveFieldMap, type FieldMode } from '../../domain/conversationalEmail/fieldMapping';
import { evaluatePreflight, type PreflightResult } from '../../domain/conversationalEmail/preflight';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, ceGateway, type CeDeps } from './ceDeps';
import { withCeSalesforceForRequest } from './ceSession';

export interface SetupInput {
  readonly fieldMode: FieldMode;
  /** A checkbox on Lead and Contact set on DNC intent; null: openabm's own (openabm mode) or none. */
  readonly dncField: string | null;
  readonly isActivitySyncOn: boolean;
}

export interface SetupResult {
  readonly settings: CeSettingsRow;
  readonly preflight: PreflightResult;
  readonly detectedPackages: FieldMode[];
  readonly createdFields: string[];
}

/**
 * The field-mapping setting: runs the pre-flight check, then in 'openabm' mode creates openabm's fields on Lead and
 * Contact through the Tooling API (those already there are kept); in 'sixsense_v2' / 'sw01' mode maps onto the
 * package fields describe shows. Refuses, naming what is missing, when the check fails or a mapped field is absent.
 */
export async function setupSalesforceFields({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: SetupInput }, deps: CeDeps): Promise<SetupResult> {
  assertCeCan(actor, 'integrations.manage', orgId);
  const assistants = await listAssistantRows(deps.db, orgId);
  const gateway = ceGateway(deps);
  return withCeSalesforceForRequest(orgId, deps, async (ctx) => {
    const preflight = evaluatePreflight({ ...(await gateway.readPreflightFacts(ctx)), assistantCount: assistants.length });
    const now = deps.clock.now();
    await updateCeSettings(deps.db, orgId, { preflight, preflightAt: now, updatedAt: now });
    if (!preflight.isReady) throw new AppError('validation_failed', `The Salesforce connection is missing: ${preflight.missing.join('; ')}.`, { missing: preflight.missing });
    let described = await gateway.describePersonFields(ctx);
    const detectedPackages = detectPackages({ lead: described.lead.readable, contact: described.contact.readable });
    const createdFields: string[] = [];
    if (input.fieldMode === 'openabm') {
      for (const object of ['lead', 'contact'] as const) {
        const present = new Set(described[object].readable.map((name) => name.toLowerCase()));
        for (const spec of OPENABM_FIELD_SPECS) {
          if (spec.key === 'dnc' && input.dncField) continue;
          if (present.has(spec.apiName.toLowerCase())) continue;
          if ((await gateway.createCustomField(ctx, object, spec)) === 'created') createdFields.push(`${object === 'lead' ? 'Lead' : 'Contact'}.${spec.apiName}`);
        }
      }
      if (createdFields.length > 0) described = await gateway.describePersonFields(ctx);
    }
    const fieldMap = resolveFieldMap(input.fieldMode, { lead: described.lead.readable, contact: described.contact.readable });
    const missing = missingValues(fieldMap);
    if (missing.length > 0) throw new AppError('validation_failed', `These fields are not in Salesforce for the chosen mapping: ${missing.join(', ')}.`, { missing });
    const dncField = input.dncField ?? (input.fieldMode === 'openabm' ? OPENABM_DNC_FIELD : null);
    if (dncField) {
      const lacking = (['lead', 'contact'] as const).filter((object) => !described[object].updateable.some((name) => name.toLowerCase() === dncField.toLowerCase()));
      if (lacking.length > 0) throw new AppError('validation_failed', `The Do Not Contact field ${dncField} is not editable on: ${lacking.join(', ')}.`);
    }
    const settings = await updateCeSettings(deps.db, orgId, {
      fieldMode: input.fieldMode, fieldMap, dncField: input.dncField, isActivitySyncOn: input.isActivitySyncOn, fieldsReadyAt: deps.clock.now(), updatedAt: deps.clock.now(),
    });
    return { settings, preflight, detectedPackages, createdFields };
  });
}
