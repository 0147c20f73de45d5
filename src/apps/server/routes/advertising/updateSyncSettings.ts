import { updateSyncSettings as contract } from '../../../../contracts/syncs';
import { updateSyncSettings } from '../../../../usecases/adSyncs/updateSyncSettings';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'integrations.manage', handler: async ({ orgId, actor, body, deps }) => updateSyncSettings({ orgId, actor, input: body }, deps) });
