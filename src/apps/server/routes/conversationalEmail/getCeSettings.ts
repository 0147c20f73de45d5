import { getCeSettings as contract } from '../../../../contracts/conversationalEmail';
import { getCeSettings } from '../../../../usecases/conversationalEmail/getCeSettings';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, deps }) => getCeSettings({ orgId, actor }, deps) });
