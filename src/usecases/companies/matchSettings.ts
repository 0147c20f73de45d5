import { getMatchSettings as readMatchSettings, saveMatchSettings, type MatchSettings } from '../../adapters/db/repositories/companiesMatching';
import type { UseCaseDeps } from '../deps';

/** The organisation's matching settings: whether rows with an excluded (personal e-mail) domain fall back to name and country. */
export async function getMatchSettings({ orgId }: { orgId: string }, deps: Pick<UseCaseDeps, 'db'>): Promise<MatchSettings> {
  return readMatchSettings(deps.db, orgId);
}

/** Changes the matching settings; lists matched from then on use them (existing segments on their next refresh). */
export async function updateMatchSettings({ orgId, input }: { orgId: string; input: MatchSettings }, deps: Pick<UseCaseDeps, 'db'>): Promise<MatchSettings> {
  return saveMatchSettings(deps.db, orgId, { nameFallbackOnExcludedDomain: input.nameFallbackOnExcludedDomain });
}
