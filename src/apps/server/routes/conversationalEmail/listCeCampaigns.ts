import { listCeCampaigns as contract } from '../../../../contracts/conversationalEmail';
import { listCampaigns } from '../../../../usecases/conversationalEmail/listCampaigns';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'view', handler: async ({ orgId, actor, deps }) => listCampaigns({ orgId, actor }, deps) as never });
