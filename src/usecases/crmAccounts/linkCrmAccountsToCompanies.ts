import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../adapters/db/database';
import { getMatchSettings, listExcludedDomains } from '../../adapters/db/repositories/companiesMatching';
import { crmAccounts } from '../../adapters/db/schema/index';
import { linkCrmAccounts } from '../../adapters/db/segments/membershipRepo';
import { buildExclusionSet } from '../../domain/matching/excludedDomains';
import { matchAccountsWithPrivate } from '../../domain/matching/privateCompanies';
import type { Clock } from '../../ports/clock';
import { loadMasterIndex } from '../matching/loadMasterIndex';
import { loadPrivateIndex } from '../matching/loadPrivateIndex';

const PAGE_SIZE = 5_000;

export interface LinkCrmAccountsOutput {
  accountsRead: number;
  accountsLinked: number;
}

/**
 * Matches every synced CRM account of one org and provider to a master (or its private) company and remembers the link, so account
 * details show the CRM records, segment tables show the CRM owner, and CRM-field filters find companies. Runs after
 * each CRM data sync; re-running only overwrites links. Accounts that match nothing keep no link.
 */
export async function linkCrmAccountsToCompanies(
  { orgId, input }: { orgId: string; input: { provider: string } },
  deps: { db: Db; clock: Clock },
): Promise<LinkCrmAccountsOutput> {
  const index = await loadMasterIndex(deps.db);
  const privateIndex = await loadPrivateIndex(deps.db, orgId);
  const excludedDomains = buildExclusionSet(await listExcludedDomains(deps.db, orgId));
  const { nameFallbackOnExcludedDomain } = await getMatchSettings(deps.db, orgId);
  let accountsRead = 0;
  let accountsLinked = 0;
  let after = '';
  for (;;) {
    const page = await deps.db
      .select({ externalId: crmAccounts.externalId, name: crmAccounts.name, website: crmAccounts.website, country: crmAccounts.country })
      .from(crmAccounts)
      .where(and(eq(crmAccounts.orgId, orgId), eq(crmAccounts.provider, input.provider), gt(crmAccounts.externalId, after)))
      .orderBy(asc(crmAccounts.externalId))
      .limit(PAGE_SIZE);
    if (page.length === 0) break;
    accountsRead += page.length;
    const results = matchAccountsWithPrivate(
      index,
      privateIndex,
      page.map((account) => ({ rowId: account.externalId, name: account.name, domain: account.website, country: account.country })),
      { excludedDomains, nameFallbackOnExcludedDomain },
    );
    // A "duplicate" is a second CRM account of an already matched company: it links to that company too.
    const links = results.flatMap((result) => (result.status !== 'unmatched' && result.companyId ? [{ externalId: result.rowId, companyId: result.companyId }] : []));
    await linkCrmAccounts(deps.db, orgId, input.provider, links, deps.clock.now());
    accountsLinked += links.length;
    after = page[page.length - 1]!.externalId;
  }
  return { accountsRead, accountsLinked };
}
