import { getAdvertisingOverview as contract } from '../../../../contracts/syncs';
import { getAdvertisingOverview } from '../../../../usecases/adSyncs/syncViews';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, deps }) => getAdvertisingOverview({ orgId, actor }, deps) });
