import { createCeAssistant as contract } from '../../../../contracts/conversationalEmail';
import { createAssistant } from '../../../../usecases/conversationalEmail/createAssistant';
import { assistantView } from '../../../../usecases/conversationalEmail/listAssistants';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'ce.manage',
  handler: async ({ orgId, actor, body, deps }) => assistantView(orgId, await createAssistant({ orgId, actor, input: body }, deps), deps),
});
