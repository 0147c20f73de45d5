import { changeCeCampaignStatus as contract } from '../../../../contracts/conversationalEmail';
import { changeCampaignStatus } from '../../../../usecases/conversationalEmail/changeCampaignStatus';
import { getCampaign } from '../../../../usecases/conversationalEmail/getCampaign';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'ce.manage',
  handler: async ({ orgId, actor, params, body, deps }) => {
    await changeCampaignStatus({ orgId, actor, input: { campaignId: params.campaignId, event: body.event } }, deps);
    return getCampaign({ orgId, actor, input: params }, deps) as never;
  },
});
