import { completeChannelOAuth as contract } from '../../../../contracts/syncs';
import { AppError } from '../../../../domain/appError';
import { completeChannelOAuth } from '../../../../usecases/adSyncs/connectChannel';
import { defineRoute } from '../../defineRoute';

/** The channel sends the browser back here with the user's session cookie (SameSite=Lax); answers with a redirect. */
export default defineRoute({
  contract,
  permission: 'channels.connect',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, query, deps, reply }) => {
    let redirectTo: string;
    try {
      const result = await completeChannelOAuth({ orgId, actor, input: { state: query.state, code: query.code, error: query.error } }, deps);
      redirectTo = `/advertising?connected=${result.channel}`;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      redirectTo = `/advertising?error=${encodeURIComponent(error.message)}`;
    }
    await reply.redirect(redirectTo, 303);
    return { redirectTo };
  },
});
