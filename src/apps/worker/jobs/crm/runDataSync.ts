import { z } from 'zod';
import { runCrmDataSync } from '../../../../usecases/integrations/runCrmDataSync';
import { CRM_SYNC_JOB } from '../../../../usecases/integrations/requestCrmSync';
import { crmSourcesSingletonKey, REFRESH_CRM_SOURCES_JOB } from '../../../../usecases/segments/listSegmentCrmSources';
import { defineJob } from '../../defineJob';
import { LINK_CRM_ACCOUNTS_JOB } from './linkCrmAccounts';

/**
 * The daily CRM data sync of one org and provider. Idempotent and resumable: it carries on from the last committed
 * page; a spent allowance or a refused login ends it without a retry (the next day's run resumes).
 */
export default defineJob({
  name: CRM_SYNC_JOB as 'crm.sync.run',
  payload: z.object({ orgId: z.string().uuid(), provider: z.enum(['salesforce', 'dynamics']) }),
  retryLimit: 3,
  // 15-30 s, 30-60 s, 60-120 s: a worker that died is replaced quickly; the run resumes from its checkpoint.
  retryDelaySeconds: 15,
  retryBackoff: true,
  expireInSeconds: 6 * 3600,
  heartbeatSeconds: 15,
  isPerOrg: true,
  handler: async (payload, deps) => {
    const result = await runCrmDataSync({ orgId: payload.orgId, input: { provider: payload.provider } }, deps);
    deps.logger.info({ orgId: payload.orgId, provider: payload.provider, status: result.status, records: result.recordsSynced, apiCalls: result.apiCalls }, 'crm data sync');
    // A transient provider failure: let pg-boss retry later; the next attempt resumes from the checkpoint.
    if (result.status === 'failed') throw new Error(`CRM data sync failed: ${result.errorMessage ?? 'unknown'}`);
    if (result.status === 'completed') {
      await deps.jobs.enqueue(LINK_CRM_ACCOUNTS_JOB, payload, { singletonKey: `crm-link:${payload.orgId}:${payload.provider}` });
      // The Create a Segment page reads the CRM's lists and reports from a cache renewed with each sync.
      await deps.jobs.enqueue(REFRESH_CRM_SOURCES_JOB, payload, { singletonKey: crmSourcesSingletonKey(payload.orgId, payload.provider) });
    }
  },
});
