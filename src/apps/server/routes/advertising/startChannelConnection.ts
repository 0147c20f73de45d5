import { startChannelConnection as contract } from '../../../../contracts/syncs';
import { startChannelConnection } from '../../../../usecases/adSyncs/connectChannel';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'channels.connect',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, params, body, deps }) => startChannelConnection({ orgId, actor, input: { ...body, channel: params.channel } }, deps),
});
