import { z } from 'zod';
import { deleteExpiredSessions } from '../../../../adapters/db/repositories/sessions';
import { defineJob } from '../../defineJob';

/** Deletes expired log-in sessions; idempotent by nature. */
export default defineJob({
  name: 'system.sessions.cleanUp',
  payload: z.object({}),
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 300,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    await deleteExpiredSessions(deps.db, deps.clock.now());
  },
});
