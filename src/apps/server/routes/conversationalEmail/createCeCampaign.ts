import { createCeCampaign as contract } from '../../../../contracts/conversationalEmail';
import { createCampaign } from '../../../../usecases/conversationalEmail/createCampaign';
import { getCampaign } from '../../../../usecases/conversationalEmail/getCampaign';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'ce.manage',
  handler: async ({ orgId, actor, body, deps }) => {
    const row = await createCampaign({ orgId, actor, input: { ...body, startsAt: body.startsAt ? new Date(body.startsAt) : null } }, deps);
    return getCampaign({ orgId, actor, input: { campaignId: row.id } }, deps) as never;
  },
});
