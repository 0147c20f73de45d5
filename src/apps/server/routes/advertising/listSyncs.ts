import { listSyncs as contract } from '../../../../contracts/syncs';
import { listSyncs } from '../../../../usecases/adSyncs/syncViews';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, query, deps }) => listSyncs({ orgId, actor, input: query }, deps) });
