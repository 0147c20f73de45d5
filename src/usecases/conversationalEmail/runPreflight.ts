import { listAssistantRows, updateCeSettings } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { detectPackages, type FieldMode } from '../../domain/conversationalEmail/fieldMapping';
import { evaluatePreflight, type PreflightResult } from '../../domain/conversationalEmail/preflight';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, ceGateway, type CeDeps } from './ceDeps';
import { withCeSalesforceForRequest } from './ceSession';

/** The pre-flight check on its own (Settings page "Check again"), with the CE packages describe shows. */
export async function runPreflight({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: CeDeps): Promise<{ preflight: PreflightResult; detectedPackages: FieldMode[] }> {
  assertCeCan(actor, 'view', orgId);
  const assistants = await listAssistantRows(deps.db, orgId);
  return withCeSalesforceForRequest(orgId, deps, async (ctx) => {
    const facts = await ceGateway(deps).readPreflightFacts(ctx);
    const preflight = evaluatePreflight({ ...facts, assistantCount: assistants.length });
    const now = deps.clock.now();
    await updateCeSettings(deps.db, orgId, { preflight, preflightAt: now, updatedAt: now });
    const detectedPackages = facts.apiRefusal === null ? detectPackages({ lead: facts.readableFields.Lead, contact: facts.readableFields.Contact }) : [];
    return { preflight, detectedPackages };
  });
}
