import { listCeReviewTasks as contract } from '../../../../contracts/conversationalEmail';
import { listReviewTasks } from '../../../../usecases/conversationalEmail/listReviewTasks';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, deps }) => listReviewTasks({ orgId, actor }, deps) });
