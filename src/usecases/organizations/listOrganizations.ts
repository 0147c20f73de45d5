import { listOrganizationsWithUserCounts } from '../../adapters/db/repositories/organizations';
import type { UseCaseDeps } from '../deps';
import { toOrganizationSummary } from './organizationViews';

/** Every organisation of the instance (the operator's view; no organisation sees another). */
export async function listOrganizations(deps: Pick<UseCaseDeps, 'db'>) {
  return { items: (await listOrganizationsWithUserCounts(deps.db)).map(toOrganizationSummary) };
}
