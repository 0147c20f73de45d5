import { listCeConversations as contract } from '../../../../contracts/conversationalEmail';
import { listConversations } from '../../../../usecases/conversationalEmail/listConversations';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, params, query, deps }) => listConversations({ orgId, actor, input: { ...params, ...query } }, deps) });
