import { getSession as contract } from '../../../../contracts/auth';
import { getSession } from '../../../../usecases/auth/getSession';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  isApiKeyAllowed: false,
  isAllowedBeforePasswordChange: true,
  handler: async ({ orgId, actor, deps, csrfToken }) => getSession({ orgId, actor, input: { csrfToken } }, deps),
});
