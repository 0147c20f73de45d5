import { getCeCampaign as contract } from '../../../../contracts/conversationalEmail';
import { getCampaign } from '../../../../usecases/conversationalEmail/getCampaign';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, params, deps }) => getCampaign({ orgId, actor, input: params }, deps) as never });
