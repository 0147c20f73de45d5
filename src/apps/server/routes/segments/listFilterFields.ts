import { listFilterFields as contract } from '../../../../contracts/segments';
import { listFilterFields } from '../../../../usecases/segments/listFilterFields';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, deps }) => listFilterFields({ orgId, actor }, deps),
});
