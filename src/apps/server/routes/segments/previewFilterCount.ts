import { previewFilterCount as contract } from '../../../../contracts/segments';
import { previewFilterCount } from '../../../../usecases/segments/previewFilterCount';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, body, deps }) => previewFilterCount({ orgId, actor, input: body }, deps),
});
