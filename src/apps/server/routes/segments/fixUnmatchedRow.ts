import { fixUnmatchedRow as contract } from '../../../../contracts/segments';
import { fixUnmatchedRow } from '../../../../usecases/segments/fixUnmatchedRow';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.edit',
  handler: async ({ orgId, actor, params, body, deps }) => fixUnmatchedRow({ orgId, actor, input: { ...params, companyId: body.companyId } }, deps),
});
