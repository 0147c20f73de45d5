import { exportUnmatchedRows as contract } from '../../../../contracts/segments';
import { exportUnmatchedRows } from '../../../../usecases/segments/exportUnmatchedRows';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, params, deps }) => exportUnmatchedRows({ orgId, actor, input: params }, deps),
});
