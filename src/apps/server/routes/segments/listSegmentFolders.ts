import { listSegmentFolders as contract } from '../../../../contracts/segmentFolders';
import { listSegmentFolders } from '../../../../usecases/segments/segmentFolders';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, deps }) => listSegmentFolders({ orgId, actor }, deps),
});
