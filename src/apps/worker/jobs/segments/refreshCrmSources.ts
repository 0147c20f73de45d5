import { z } from 'zod';
import { REFRESH_CRM_SOURCES_JOB, refreshCrmSourceCache } from '../../../../usecases/segments/listSegmentCrmSources';
import { defineJob } from '../../defineJob';

/** Re-reads a CRM's list views and reports into the cache the Create a Segment page reads (after each data sync, or when stale). */
export default defineJob({
  name: REFRESH_CRM_SOURCES_JOB as 'segments.crmSources.refresh',
  payload: z.object({ orgId: z.string().uuid(), provider: z.enum(['salesforce', 'dynamics']) }),
  retryLimit: 2,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 600,
  isPerOrg: true,
  handler: async (payload, deps) => {
    const items = await refreshCrmSourceCache({ orgId: payload.orgId, input: { provider: payload.provider } }, deps);
    deps.logger.info({ orgId: payload.orgId, provider: payload.provider, sources: items.length }, 'crm sources cached');
  },
});
