import { replyAsLeadInSandbox as contract } from '../../../../contracts/conversationalEmail';
import { replyAsLead } from '../../../../usecases/conversationalEmail/replyAsLead';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'ce.manage', handler: async ({ orgId, actor, params, body, deps }) => replyAsLead({ orgId, actor, input: { conversationId: params.conversationId, text: body.text } }, deps) });
