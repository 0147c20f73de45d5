import { createSegmentFolder as contract } from '../../../../contracts/segmentFolders';
import { createSegmentFolder } from '../../../../usecases/segments/segmentFolders';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.create',
  handler: async ({ orgId, actor, body, deps }) => ({ folder: await createSegmentFolder({ orgId, actor, input: body }, deps) }),
});
