import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { crmAccountCompanies, crmAccounts } from '../../adapters/db/schema/index';
import { systemClock } from '../../ports/clock';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { seedCompanies } from '../segments/segmentTestKit';
import { linkCrmAccountsToCompanies } from './linkCrmAccountsToCompanies';

describe.each(testDatabaseKinds())('linking CRM accounts to companies on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('links each matched account, two accounts of one company included, and leaves the unmatched unlinked', async () => {
    const org = await createTestOrg(database);
    const other = await createTestOrg(database);
    const { companies } = await seedCompanies(database, [
      { name: 'Acme Rockets', country: 'US' },
      { name: 'Globex Chemicals', country: 'DE' },
    ]);
    const [acme, globex] = companies as [(typeof companies)[0], (typeof companies)[0]];
    const account = (externalId: string, name: string, website: string | null, country: string | null) => ({ orgId: org.orgId, provider: 'salesforce', externalId, name, website, country });
    await database.db.insert(crmAccounts).values([
      account('001A', `${acme.name.toUpperCase()} INC`, `https://www.${acme.domain}/about`, 'United States'),
      account('001B', acme.name, acme.domain, 'US'),
      account('001C', globex.name, null, 'Germany'),
      account('001D', 'Nobody Anywhere Ltd', 'nobody-anywhere.example', 'GB'),
      { ...account('001E', acme.name, acme.domain, 'US'), orgId: other.orgId },
    ]);

    const result = await linkCrmAccountsToCompanies({ orgId: org.orgId, input: { provider: 'salesforce' } }, { db: database.db, clock: systemClock });

    expect(result).toEqual({ accountsRead: 4, accountsLinked: 3 });
    const links = await database.db.select().from(crmAccountCompanies).where(and(eq(crmAccountCompanies.orgId, org.orgId), eq(crmAccountCompanies.provider, 'salesforce')));
    expect(Object.fromEntries(links.map((link) => [link.externalId, link.companyId]))).toEqual({ '001A': acme.id, '001B': acme.id, '001C': globex.id });
    const otherLinks = await database.db.select().from(crmAccountCompanies).where(eq(crmAccountCompanies.orgId, other.orgId));
    expect(otherLinks).toEqual([]);
  });

  it('is idempotent: a second run overwrites the same links', async () => {
    const org = await createTestOrg(database);
    const { companies } = await seedCompanies(database, [{ name: 'Initech Software', country: 'US' }]);
    const initech = companies[0]!;
    await database.db.insert(crmAccounts).values({ orgId: org.orgId, provider: 'dynamics', externalId: 'a-1', name: initech.name, website: initech.domain, country: 'US' });
    await linkCrmAccountsToCompanies({ orgId: org.orgId, input: { provider: 'dynamics' } }, { db: database.db, clock: systemClock });
    const again = await linkCrmAccountsToCompanies({ orgId: org.orgId, input: { provider: 'dynamics' } }, { db: database.db, clock: systemClock });
    expect(again).toEqual({ accountsRead: 1, accountsLinked: 1 });
    const links = await database.db.select().from(crmAccountCompanies).where(eq(crmAccountCompanies.orgId, org.orgId));
    expect(links.map((link) => link.companyId)).toEqual([initech.id]);
  });
});
