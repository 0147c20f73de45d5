import { getCeConversation as contract } from '../../../../contracts/conversationalEmail';
import { getConversation } from '../../../../usecases/conversationalEmail/getConversation';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, params, deps }) => getConversation({ orgId, actor, input: params }, deps) });
