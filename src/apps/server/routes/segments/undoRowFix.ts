import { undoRowFix as contract } from '../../../../contracts/segments';
import { undoRowFix } from '../../../../usecases/segments/fixUnmatchedRow';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.edit',
  handler: async ({ orgId, actor, params, deps }) => undoRowFix({ orgId, actor, input: params }, deps),
});
