import { insertOrchestration } from '../../../adapters/db/publishing/enrichmentRepo';
import { AppError } from '../../../domain/appError';
import type { Actor } from '../../../domain/permissions/policy';
import type { ConflictPolicy } from '../../../domain/publish/segmentNameField';
import type { EnrichmentSystem } from '../../../ports/enrichmentTarget';
import { toAppError } from '../../integrations/crmSession';
import { assertSegmentPermission } from '../../segments/segmentDeps';
import type { EnrichmentDeps } from './enrichmentDeps';
import { withEnrichmentTarget } from './enrichmentTargets';
import { toOrchestrationView } from './orchestrationViews';

export interface OrchestrationInput {
  name: string;
  targetSystem: EnrichmentSystem;
  targetObject: string;
  targetField: string;
  conflictPolicy: ConflictPolicy;
}

/** Creates a Segment Name Enrichment orchestration after describing the chosen field (type and length) in the target. */
export async function createOrchestration({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: OrchestrationInput }, deps: EnrichmentDeps) {
  assertSegmentPermission(actor, 'segment.publish', orgId);
  let field;
  try {
    field = await withEnrichmentTarget(orgId, input.targetSystem, deps, async (target) => {
      if (!target.objects.some((object) => object.name === input.targetObject)) {
        throw new AppError('validation_failed', `${target.displayName} has no ${input.targetObject} object for Segment Name Enrichment. Choose one of: ${target.objects.map((object) => object.name).join(', ')}.`);
      }
      return target.describeField(input.targetObject, input.targetField);
    });
  } catch (error) {
    throw toAppError(error);
  }
  if (!field) throw new AppError('validation_failed', `The ${input.targetObject} object has no field named ${input.targetField}.`);
  if (!field.isWritable) throw new AppError('validation_failed', `The integration user cannot update ${input.targetObject}.${field.name}; give it edit access to the field or choose another one.`);
  if (!['string', 'text', 'multi_select'].includes(field.kind)) throw new AppError('validation_failed', `${field.label} is a ${field.providerType} field; choose a text field (a long text area is recommended).`);
  try {
    const row = await insertOrchestration(deps.db, orgId, {
      name: input.name.trim(),
      targetSystem: input.targetSystem,
      targetObject: input.targetObject,
      targetField: field.name,
      fieldLabel: field.label,
      fieldType: field.providerType,
      fieldLength: field.maxLength ?? null,
      conflictPolicy: input.conflictPolicy,
      isEnabled: true,
      createdBy: actor?.userId ?? null,
      createdAt: deps.clock.now(),
      updatedAt: deps.clock.now(),
    });
    return toOrchestrationView(row, undefined);
  } catch (error) {
    if (String((error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code) === '23505') {
      throw new AppError('conflict', `An orchestration already writes segment names into ${input.targetObject}.${field.name}.`);
    }
    throw error;
  }
}
