import type { Db } from '../../adapters/db/database';
import { addExcludedDomains as insertExcludedDomains } from '../../adapters/db/repositories/companiesMatching';
import { AppError } from '../../domain/appError';
import { normalizeDomain } from '../../domain/matching/normalizeDomain';

/** Adds domains to an organisation's exclusion list; each entry may be a website, URL or e-mail address. */
export async function addExcludedDomains({ orgId, input }: { orgId: string; input: { domains: readonly string[] } }, deps: { db: Db }): Promise<{ added: string[] }> {
  const invalid = input.domains.filter((entry) => normalizeDomain(entry) === null);
  if (invalid.length > 0) {
    throw new AppError('validation_failed', `Not a website or domain name: ${invalid.slice(0, 5).map((entry) => `"${entry}"`).join(', ')}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ''}.`);
  }
  const domains = [...new Set(input.domains.map((entry) => normalizeDomain(entry) ?? ''))];
  await insertExcludedDomains(deps.db, orgId, domains);
  return { added: domains };
}
