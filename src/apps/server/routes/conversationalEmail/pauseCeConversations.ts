import { pauseCeConversations as contract } from '../../../../contracts/conversationalEmail';
import { pauseConversations } from '../../../../usecases/conversationalEmail/pauseConversations';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'ce.manage', handler: async ({ orgId, actor, body, deps }) => pauseConversations({ orgId, actor, input: body }, deps) });
