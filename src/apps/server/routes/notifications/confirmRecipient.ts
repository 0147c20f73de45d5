import { confirmRecipient as contract } from '../../../../contracts/notifications';
import { confirmRecipient } from '../../../../usecases/notifications/confirmRecipient';
import { defineRoute } from '../../defineRoute';

/** Public: an outside recipient follows the link from the confirmation e-mail; the token names the org. */
export default defineRoute({
  contract,
  permission: 'public',
  handler: async ({ query, deps }) => confirmRecipient({ token: query.token }, deps),
});
