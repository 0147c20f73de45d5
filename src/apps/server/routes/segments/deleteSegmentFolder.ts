import { deleteSegmentFolder as contract } from '../../../../contracts/segmentFolders';
import { deleteSegmentFolder } from '../../../../usecases/segments/segmentFolders';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.edit',
  handler: async ({ orgId, actor, params, deps }) => deleteSegmentFolder({ orgId, actor, input: params }, deps),
});
