import { receiveCeInboundMail as contract } from '../../../../contracts/conversationalEmail';
import { receiveInboundWebhook } from '../../../../usecases/conversationalEmail/receiveInboundWebhook';
import { defineRoute } from '../../defineRoute';

/** Public: the mail provider calls it; the secret token in the URL names the organisation. */
export default defineRoute({ contract, permission: 'public', handler: async ({ params, body, deps }) => receiveInboundWebhook({ input: { token: params.token, body } }, deps) });
