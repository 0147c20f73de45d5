import { confirmRecipient as contract } from '../../../../contracts/notifications';
import { confirmRecipient } from '../../../../usecases/notifications/confirmRecipient';
import { defineRoute } from '../../defineRoute';

/** Public: the page an outside recipient opens from the confirmation e-mail posts the token; the token names the org. */
export default defineRoute({
  contract,
  permission: 'public',
  handler: async ({ body, deps }) => confirmRecipient({ token: body.token }, deps),
});
