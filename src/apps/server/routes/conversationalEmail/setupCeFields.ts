import { setupCeFields as contract } from '../../../../contracts/conversationalEmail';
import { getCeSettings } from '../../../../usecases/conversationalEmail/getCeSettings';
import { setupSalesforceFields } from '../../../../usecases/conversationalEmail/setupSalesforceFields';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'integrations.manage',
  handler: async ({ orgId, actor, body, deps }) => {
    const result = await setupSalesforceFields({ orgId, actor, input: body }, deps);
    return { ...result, settings: await getCeSettings({ orgId, actor }, deps) };
  },
});
