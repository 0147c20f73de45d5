import { dryRunSync as contract } from '../../../../contracts/syncs';
import { dryRunSync } from '../../../../usecases/adSyncs/dryRunSync';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, body, deps }) => dryRunSync({ orgId, actor, input: body }, deps) });
