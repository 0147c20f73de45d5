import { generateOneTimePassword, hashPassword } from '../../adapters/crypto-auth/passwords';
import { insertUser, isEmailTaken } from '../../adapters/db/repositories/users';
import { AppError } from '../../domain/appError';
import { canAssignRole, type Actor } from '../../domain/permissions/policy';
import { ROLE_LABELS, type Role } from '../../domain/permissions/roles';
import type { UseCaseDeps } from '../deps';
import type { UserSummary } from '../../contracts/users';
import { toUserSummary } from './toUserSummary';

/** Adds a user with a one-time password that must be changed at first log-in. `actor` undefined = the CLI. */
export async function addUser(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { email: string; name: string; role: Role; password?: string; mustChangePassword?: boolean } },
  deps: Pick<UseCaseDeps, 'db'>,
): Promise<{ user: UserSummary; oneTimePassword: string }> {
  if (actor && !canAssignRole(actor, input.role)) {
    throw new AppError('forbidden', `Your role may not add a ${ROLE_LABELS[input.role]}.`);
  }
  const email = input.email.trim().toLowerCase();
  if (await isEmailTaken(deps.db, email)) {
    throw new AppError('conflict', `A user with the e-mail ${email} already exists.`);
  }
  const oneTimePassword = input.password ?? generateOneTimePassword();
  const user = await insertUser(deps.db, orgId, {
    email,
    name: input.name.trim(),
    role: input.role,
    passwordHash: await hashPassword(oneTimePassword),
    // A generated password is one-time; a caller that sets one says whether it is (the demo seed's is).
    mustChangePassword: input.mustChangePassword ?? input.password === undefined,
  });
  return { user: toUserSummary(user), oneTimePassword };
}
