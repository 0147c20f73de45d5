import { completeMapOAuth as contract } from '../../../../contracts/mapIntegrations';
import { completeMapOAuth } from '../../../../usecases/mapIntegrations/completeMapOAuth';
import { defineRoute } from '../../defineRoute';

/** The provider sends the browser here. Public: the single-use state row names the org. Redirects to the page. */
export default defineRoute({
  contract,
  permission: 'public',
  handler: async ({ query, deps, reply }) => {
    const result = await completeMapOAuth({ input: query }, deps);
    await reply.redirect(result.redirectTo, 303);
    return { redirectTo: result.redirectTo };
  },
});
