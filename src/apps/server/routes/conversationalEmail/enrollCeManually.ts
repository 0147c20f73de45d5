import { enrollCeManually as contract } from '../../../../contracts/conversationalEmail';
import { enrollManually } from '../../../../usecases/conversationalEmail/enrollManually';
import { defineRoute } from '../../defineRoute';

export default defineRoute({ contract, permission: 'ce.manage', handler: async ({ orgId, actor, params, body, deps }) => enrollManually({ orgId, actor, input: { campaignId: params.campaignId, ...body } }, deps) });
