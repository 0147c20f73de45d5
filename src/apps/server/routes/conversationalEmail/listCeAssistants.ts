import { listCeAssistants as contract } from '../../../../contracts/conversationalEmail';
import { listAssistants } from '../../../../usecases/conversationalEmail/listAssistants';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, deps }) => listAssistants({ orgId, actor }, deps) });
