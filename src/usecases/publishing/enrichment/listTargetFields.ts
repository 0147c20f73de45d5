import type { Actor } from '../../../domain/permissions/policy';
import type { EnrichmentSystem } from '../../../ports/enrichmentTarget';
import { toAppError } from '../../integrations/crmSession';
import { assertSegmentPermission } from '../../segments/segmentDeps';
import type { EnrichmentDeps } from './enrichmentDeps';
import { withEnrichmentTarget } from './enrichmentTargets';

/** Long text areas hold many names (Salesforce 131,072; HubSpot 65,536): the field picker recommends them. */
export const LONG_TEXT_MIN_LENGTH = 1_000;

/** The target's objects and the writable text fields of one object, each with type and length, long-text fields recommended. */
export async function listTargetFields({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { system: EnrichmentSystem; object: string | undefined } }, deps: EnrichmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  try {
    return await withEnrichmentTarget(orgId, input.system, deps, async (target) => {
      const object = input.object ?? target.objects.find((candidate) => candidate.isDefault)?.name ?? target.objects[0]?.name ?? '';
      const fields = (await target.listFields(object)).filter((field) => field.kind === 'string' || field.kind === 'text' || field.kind === 'multi_select');
      return {
        system: input.system,
        objects: target.objects.map((candidate) => ({ name: candidate.name, label: candidate.label, isDefault: candidate.isDefault })),
        object,
        fields: fields.map((field) => ({
          name: field.name,
          label: field.label,
          type: field.providerType,
          maxLength: field.maxLength ?? null,
          lengthUnit: field.lengthUnit,
          isRecommended: field.kind === 'text' && (field.maxLength === undefined || field.maxLength >= LONG_TEXT_MIN_LENGTH),
        })),
      };
    });
  } catch (error) {
    throw toAppError(error);
  }
}
