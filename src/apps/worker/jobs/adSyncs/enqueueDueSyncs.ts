import { z } from 'zod';
import { enqueueDueSyncs } from '../../../../usecases/adSyncs/enqueueDueSyncs';
import { defineJob } from '../../defineJob';

/** Cron: enqueue a run for every sync whose segment refreshed since its last run, or whose daily run is due. */
export default defineJob({
  name: 'adSyncs.enqueueDue',
  payload: z.object({}),
  retryLimit: 1,
  retryDelaySeconds: 60,
  retryBackoff: false,
  expireInSeconds: 300,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    const { enqueuedCount } = await enqueueDueSyncs(deps);
    if (enqueuedCount > 0) deps.logger.info({ enqueuedCount }, 'ad syncs enqueued');
  },
});
