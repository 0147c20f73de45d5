import { createCeAssistant as contract } from '../../../../contracts/conversationalEmail';
import { createAssistant } from '../../../../usecases/conversationalEmail/createAssistant';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'ce.manage',
  handler: async ({ orgId, actor, body, deps }) => {
    const row = await createAssistant({ orgId, actor, input: body }, deps);
    return { id: row.id, name: row.name, email: row.email, signature: row.signature, dailySendCap: row.dailySendCap, handoffRepEmail: row.handoffRepEmail };
  },
});
