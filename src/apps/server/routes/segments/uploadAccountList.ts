import { uploadAccountList as contract } from '../../../../contracts/segmentUploads';
import { uploadAccountList } from '../../../../usecases/segments/uploadAccountList';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'segment.create',
  handler: async ({ orgId, actor, body, deps }) => ({ upload: await uploadAccountList({ orgId, actor, input: { fileName: body.fileName, content: Buffer.from(body.contentBase64, 'base64') } }, deps) }),
});
