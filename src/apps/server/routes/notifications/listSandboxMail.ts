import { listSandboxMail as contract } from '../../../../contracts/notifications';
import { listSandboxMail } from '../../../../usecases/notifications/listSandboxMail';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, deps }) => listSandboxMail({ orgId }, deps),
});
