import { pollCeCampaignNow as contract } from '../../../../contracts/conversationalEmail';
import { requestCampaignPoll } from '../../../../usecases/conversationalEmail/requestCampaignPoll';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'ce.manage', handler: async ({ orgId, actor, params, deps }) => requestCampaignPoll({ orgId, actor, input: params }, deps) });
