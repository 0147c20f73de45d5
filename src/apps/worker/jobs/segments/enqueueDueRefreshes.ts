import { z } from 'zod';
import { enqueueDueRefreshes } from '../../../../usecases/segments/enqueueDueRefreshes';
import { defineJob } from '../../defineJob';

/** The hourly cron's job: enqueue one segments.refresh per segment whose daily refresh is due (per-org grouped). */
export default defineJob({
  name: 'segments.enqueueDueRefreshes',
  payload: z.object({}),
  retryLimit: 2,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 600,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    const { enqueued } = await enqueueDueRefreshes(deps);
    deps.logger.info({ enqueued }, 'segment refreshes enqueued');
  },
});
