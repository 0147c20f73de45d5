import { getSyncSettings as contract } from '../../../../contracts/syncs';
import { getSyncSettings } from '../../../../usecases/adSyncs/getSyncSettings';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, deps }) => getSyncSettings({ orgId, actor }, deps) });
