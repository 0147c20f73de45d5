import { setUploadMapping as contract } from '../../../../contracts/segmentUploads';
import { setUploadMapping } from '../../../../usecases/segments/uploadAccountList';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.create',
  handler: async ({ orgId, actor, params, body, deps }) => ({ upload: await setUploadMapping({ orgId, actor, input: { uploadId: params.uploadId, mapping: body } }, deps) }),
});
