import { toggleSync as contract } from '../../../../contracts/syncs';
import { toggleSync } from '../../../../usecases/adSyncs/manageSyncs';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'sync.pause',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, params, body, deps }) => {
    const sync = await toggleSync({ orgId, actor, input: { syncId: params.syncId, isOn: body.isOn } }, deps);
    return { id: sync.id, status: sync.status as 'syncing' | 'synced' | 'inactive' | 'failed' };
  },
});
