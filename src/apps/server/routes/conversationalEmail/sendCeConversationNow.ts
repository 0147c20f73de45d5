import { sendCeConversationNow as contract } from '../../../../contracts/conversationalEmail';
import { sendConversationNow } from '../../../../usecases/conversationalEmail/sendConversationNow';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'ce.manage', handler: async ({ orgId, actor, params, deps }) => sendConversationNow({ orgId, actor, input: params }, deps) });
