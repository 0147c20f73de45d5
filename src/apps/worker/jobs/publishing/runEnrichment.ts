import { z } from 'zod';
import { RUN_ENRICHMENT_JOB } from '../../../../usecases/publishing/enrichment/enrichmentDeps';
import { runEnrichment } from '../../../../usecases/publishing/enrichment/runEnrichment';
import { defineJob } from '../../defineJob';

/**
 * One Segment Name Enrichment run. Idempotent: a finished run is left alone; a stopped one resumes from its
 * checkpoint. A transient provider fault throws and pg-boss retries with backoff (the retry resumes); a spent API
 * budget or refused login leaves the run interrupted until the next day's run or "Run now".
 */
export default defineJob({
  name: RUN_ENRICHMENT_JOB,
  payload: z.object({ orgId: z.string().uuid(), runId: z.string().uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 120,
  retryBackoff: true,
  // 100,000 records are about 50 reads and 500 writes of 200.
  expireInSeconds: 3_600,
  isPerOrg: true,
  handler: async (payload, deps) => {
    const outcome = await runEnrichment(payload, deps);
    deps.logger.info({ orgId: payload.orgId, runId: payload.runId, outcome: outcome.kind }, 'segment name enrichment');
  },
});
