import { connectSandboxChannel as contract } from '../../../../contracts/syncs';
import { connectSandboxChannel } from '../../../../usecases/adSyncs/connectChannel';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'channels.connect',
  isApiKeyAllowed: false,
  handler: async ({ orgId, actor, params, deps }) => connectSandboxChannel({ orgId, actor, input: { channel: params.channel } }, deps),
});
