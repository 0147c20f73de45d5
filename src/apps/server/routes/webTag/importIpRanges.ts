import { importIpRanges as contract } from '../../../../contracts/webTag';
import { importIpRanges } from '../../../../usecases/webTag/importIpRanges';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'integrations.manage',
  handler: async ({ orgId, actor, body, deps }) => importIpRanges({ orgId, actor, csv: body.csv }, deps),
});
