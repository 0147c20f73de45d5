import { listSandboxMail as contract } from '../../../../contracts/notifications';
import { listSandboxMail } from '../../../../usecases/notifications/listSandboxMail';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  // What the local SMTP server received for the org's people (invitations, confirmations, alerts): administrators only.
  permission: 'notifications.manage',
  handler: async ({ orgId, deps }) => listSandboxMail({ orgId }, deps),
});
