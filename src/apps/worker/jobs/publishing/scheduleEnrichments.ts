import { z } from 'zod';
import { listEnabledOrchestrations } from '../../../../adapters/db/publishing/enrichmentRepo';
import { startEnrichmentRun } from '../../../../usecases/publishing/enrichment/startEnrichmentRun';
import { defineJob } from '../../defineJob';

/** Daily, after the night's CRM sync and segment refreshes: queue a run of every enabled orchestration. */
export default defineJob({
  name: 'publishing.enrichment.scheduleDaily',
  payload: z.object({}),
  retryLimit: 2,
  retryDelaySeconds: 300,
  retryBackoff: false,
  expireInSeconds: 600,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    for (const orchestration of await listEnabledOrchestrations(deps.db)) {
      await startEnrichmentRun({ orgId: orchestration.orgId, actor: undefined, input: { orchestrationId: orchestration.id, isDryRun: false, trigger: 'schedule' } }, deps);
    }
  },
});
