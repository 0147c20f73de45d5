import { deleteSession } from '../../adapters/db/repositories/sessions';
import type { Actor } from '../../domain/permissions/policy';
import type { UseCaseDeps } from '../deps';

/** Ends the caller's session (the cookie is cleared by the route). */
export async function logOut(
  { orgId, input }: { orgId: string; actor: Actor; input: { sessionTokenHash: string | undefined } },
  deps: Pick<UseCaseDeps, 'db'>,
): Promise<void> {
  if (input.sessionTokenHash !== undefined) await deleteSession(deps.db, orgId, input.sessionTokenHash);
}
