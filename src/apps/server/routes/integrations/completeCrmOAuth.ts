import { completeCrmOAuth as contract } from '../../../../contracts/integrations';
import { completeCrmOAuth } from '../../../../usecases/integrations/completeCrmOAuth';
import { defineRoute } from '../../defineRoute';

/**
 * The provider sends the browser here. Public: the single-use state row (created by an admin's connect request)
 * names the org, so no session is needed. Answers with a redirect to the integrations page.
 */
export default defineRoute({
  contract,
  permission: 'public',
  handler: async ({ query, deps, reply }) => {
    const result = await completeCrmOAuth({ input: query }, deps);
    await reply.redirect(result.redirectTo, 303);
    return { redirectTo: result.redirectTo };
  },
});
