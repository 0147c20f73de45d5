import { z } from 'zod';
import { ENRICHMENT_SYSTEMS } from '../ports/enrichmentTarget';
import { defineContract, pageOf, pageQuery } from './http';

/**
 * Segment Name Enrichment (Settings > Orchestrations): write the names of the segments published to that use, as
 * of each run, into a chosen field of Salesforce Leads/Accounts/Contacts or MAP leads. Runs daily and on demand; a
 * dry run shows what would change. Provider failures keep the provider's reason per record.
 */
export { ENRICHMENT_SYSTEMS };
export { enrichmentOutcomeLabel, enrichmentRunStatusLabel } from '../domain/publish/enrichmentRunLabels';
const id = z.string().uuid();
const system = z.enum(ENRICHMENT_SYSTEMS);
const conflictPolicy = z.enum(['overwrite', 'keep_others']);

export const enrichmentRunView = z.object({
  id,
  trigger: z.enum(['schedule', 'manual']),
  isDryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'interrupted', 'succeeded', 'failed']),
  recordsScanned: z.number().int(),
  recordsWritten: z.number().int(),
  recordsUnchanged: z.number().int(),
  recordsSkipped: z.number().int(),
  recordsFailed: z.number().int(),
  /** Records that lost names which did not fit the field. */
  recordsTruncated: z.number().int(),
  apiCalls: z.number().int(),
  attempts: z.number().int(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type EnrichmentRunView = z.infer<typeof enrichmentRunView>;

export const orchestrationView = z.object({
  id,
  name: z.string(),
  targetSystem: system,
  targetObject: z.string(),
  targetField: z.string(),
  fieldLabel: z.string().nullable(),
  fieldType: z.string().nullable(),
  fieldLength: z.number().int().nullable(),
  conflictPolicy,
  isEnabled: z.boolean(),
  lastRun: enrichmentRunView.nullable(),
});
export type OrchestrationView = z.infer<typeof orchestrationView>;

export const listTargetFields = defineContract({
  method: 'GET',
  path: '/api/orchestrations/targets/:system/fields',
  summary: 'Objects of a target system and the text fields of one, with type and length (long text recommended)',
  tags: ['orchestrations'],
  params: z.object({ system }),
  query: z.object({ object: z.string().trim().min(1).max(100).optional() }),
  response: z.object({
    system,
    objects: z.array(z.object({ name: z.string(), label: z.string(), isDefault: z.boolean() })),
    object: z.string(),
    fields: z.array(z.object({ name: z.string(), label: z.string(), type: z.string(), maxLength: z.number().int().nullable(), lengthUnit: z.enum(['characters', 'bytes']), isRecommended: z.boolean() })),
  }),
});

export const listOrchestrations = defineContract({
  method: 'GET',
  path: '/api/orchestrations',
  summary: 'Segment Name Enrichment orchestrations with their latest run',
  tags: ['orchestrations'],
  response: z.object({ items: z.array(orchestrationView) }),
});

export const createOrchestration = defineContract({
  method: 'POST',
  path: '/api/orchestrations',
  summary: 'Create a Segment Name Enrichment orchestration (the field is described in the target first)',
  tags: ['orchestrations'],
  body: z.object({
    name: z.string().trim().min(1).max(200),
    targetSystem: system,
    targetObject: z.string().trim().min(1).max(100),
    targetField: z.string().trim().min(1).max(200),
    conflictPolicy: conflictPolicy.default('keep_others'),
  }),
  response: orchestrationView,
  successStatus: 201,
});

export const updateOrchestration = defineContract({
  method: 'PATCH',
  path: '/api/orchestrations/:orchestrationId',
  summary: 'Change the conflict policy, turn the daily run on or off, or delete (isDeleted)',
  tags: ['orchestrations'],
  params: z.object({ orchestrationId: id }),
  body: z.object({ conflictPolicy: conflictPolicy.optional(), isEnabled: z.boolean().optional(), isDeleted: z.boolean().optional() }),
  response: z.object({ orchestration: orchestrationView.nullable() }),
});

export const startEnrichmentRun = defineContract({
  method: 'POST',
  path: '/api/orchestrations/:orchestrationId/runs',
  summary: 'Run now (or a dry run); a run that stopped part-way is resumed',
  tags: ['orchestrations'],
  params: z.object({ orchestrationId: id }),
  body: z.object({ isDryRun: z.boolean().default(false) }),
  response: z.object({ run: enrichmentRunView }),
  successStatus: 202,
});

export const listEnrichmentRuns = defineContract({
  method: 'GET',
  path: '/api/orchestrations/:orchestrationId/runs',
  summary: 'Run history; with runId, the records of that run (written, would write, skipped, failed with the provider reason)',
  tags: ['orchestrations'],
  params: z.object({ orchestrationId: id }),
  query: pageQuery.extend({ runId: id.optional(), outcome: z.enum(['written', 'would_write', 'skipped', 'failed']).optional() }),
  response: z.object({
    runs: z.array(enrichmentRunView),
    items: pageOf(
      z.object({ recordId: z.string(), outcome: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable(), droppedNames: z.array(z.string()), reason: z.string().nullable() }),
    ).nullable(),
  }),
});
