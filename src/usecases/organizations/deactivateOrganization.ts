import { deactivateOrganizationRow, findOrganization } from '../../adapters/db/repositories/organizations';
import { AppError } from '../../domain/appError';
import type { UseCaseDeps } from '../deps';
import { toOrganizationSummary } from './organizationViews';

/** Its users are logged out and cannot log in, its API keys are refused; its data stays. Deactivating twice is harmless. */
export async function deactivateOrganization({ input }: { input: { orgId: string } }, deps: Pick<UseCaseDeps, 'db' | 'clock'>) {
  const existing = await findOrganization(deps.db, input.orgId);
  if (!existing) throw new AppError('not_found', `No organisation with id ${input.orgId}.`);
  if (!existing.isActive) return { organization: toOrganizationSummary(existing) };
  const row = await deactivateOrganizationRow(deps.db, input.orgId, deps.clock.now());
  if (!row) throw new AppError('not_found', `No organisation with id ${input.orgId}.`);
  return { organization: toOrganizationSummary(row) };
}
