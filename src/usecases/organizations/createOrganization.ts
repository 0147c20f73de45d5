import { insertOrganization } from '../../adapters/db/repositories/organizations';
import type { OrganizationSummary } from '../../contracts/operator';
import type { UserSummary } from '../../contracts/users';
import { AppError } from '../../domain/appError';
import type { UseCaseDeps } from '../deps';
import { addUser } from '../users/addUser';
import { toOrganizationSummary } from './organizationViews';

/**
 * The instance operator (or the CLI) creates an organisation with its first Primary Administrator, in one
 * transaction. The one-time password is returned once: the administrator must change it at first log-in.
 */
export async function createOrganization(
  { input }: { input: { name: string; adminEmail: string; adminName?: string | undefined } },
  deps: Pick<UseCaseDeps, 'db'>,
): Promise<{ organization: OrganizationSummary; admin: UserSummary; oneTimePassword: string }> {
  const name = input.name.trim();
  if (name === '') throw new AppError('validation_failed', 'Enter the organisation’s name.');
  return deps.db.transaction(async (tx) => {
    const org = await insertOrganization(tx, { name });
    const { user, oneTimePassword } = await addUser(
      { orgId: org.id, actor: undefined, input: { email: input.adminEmail, name: input.adminName?.trim() || input.adminEmail.trim(), role: 'primary_admin' } },
      { db: tx },
    );
    return { organization: toOrganizationSummary({ ...org, userCount: 1 }), admin: user, oneTimePassword };
  });
}
