import { getWebTagSettings as contract } from '../../../../contracts/webTag';
import { getWebTagSettings } from '../../../../usecases/webTag/getWebTagSettings';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, deps }) => getWebTagSettings({ orgId }, deps),
});
