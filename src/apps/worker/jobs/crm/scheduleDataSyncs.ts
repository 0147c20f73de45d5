import { z } from 'zod';
import { listAllCrmConnectionKeys } from '../../../../adapters/db/repositories/crmConnections';
import { checkCrmCredentials } from '../../../../usecases/integrations/checkCrmCredentials';
import { CRM_SYNC_JOB, crmSyncSingletonKey } from '../../../../usecases/integrations/requestCrmSync';
import type { CrmProvider } from '../../../../ports/crmConnector';
import { defineJob } from '../../defineJob';

/** Daily cron target: checks credential expiry and queues one data sync per connected org and provider. */
export default defineJob({
  name: 'crm.sync.scheduleAll',
  payload: z.object({}),
  retryLimit: 2,
  retryDelaySeconds: 120,
  retryBackoff: true,
  expireInSeconds: 900,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    const connections = await listAllCrmConnectionKeys(deps.db);
    for (const orgId of new Set(connections.map((connection) => connection.orgId))) await checkCrmCredentials({ orgId }, deps);
    for (const { orgId, provider } of connections) {
      await deps.jobs.enqueue(CRM_SYNC_JOB, { orgId, provider }, { singletonKey: crmSyncSingletonKey(orgId, provider as CrmProvider) });
    }
  },
});
