import { resolveCeReviewTask as contract } from '../../../../contracts/conversationalEmail';
import { resolveReviewTask } from '../../../../usecases/conversationalEmail/resolveReviewTask';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'ce.manage', handler: async ({ orgId, actor, params, body, deps }) => resolveReviewTask({ orgId, actor, input: { conversationId: params.conversationId, outcome: body.outcome } }, deps) });
