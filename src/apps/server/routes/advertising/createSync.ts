import { createSync as contract } from '../../../../contracts/syncs';
import { createSync } from '../../../../usecases/adSyncs/manageSyncs';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'sync.create',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, body, deps }) => {
    const { sync, limitWarning } = await createSync({ orgId, actor, input: body }, deps);
    return { sync: { id: sync.id, status: sync.status as 'syncing' }, limitWarning };
  },
});
