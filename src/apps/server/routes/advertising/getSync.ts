import { getSync as contract } from '../../../../contracts/syncs';
import { getSync } from '../../../../usecases/adSyncs/syncViews';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, params, deps }) => getSync({ orgId, actor, input: params }, deps) });
