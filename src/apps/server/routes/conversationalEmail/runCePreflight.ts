import { runCePreflight as contract } from '../../../../contracts/conversationalEmail';
import { runPreflight } from '../../../../usecases/conversationalEmail/runPreflight';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, deps }) => runPreflight({ orgId, actor }, deps) });
