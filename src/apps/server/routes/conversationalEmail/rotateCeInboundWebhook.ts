import { rotateCeInboundWebhook as contract } from '../../../../contracts/conversationalEmail';
import { rotateInboundWebhook } from '../../../../usecases/conversationalEmail/rotateInboundWebhook';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'integrations.manage', handler: async ({ orgId, actor, deps }) => rotateInboundWebhook({ orgId, actor }, deps) });
