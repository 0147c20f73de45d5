import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg } from '../../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../../test/databases';
import { seedCompanies, seedContacts, seedSegment } from '../../../usecases/adSyncs/adSyncTestKit';
import type { Database } from '../database';
import { queryRows } from '../segments/rows';
import { countSegmentAudience, segmentPeopleCountQuery } from './adMembers';

/**
 * The ad-sync dry run's people count joins a segment's companies with the open CRM leads whose web site is the
 * company's domain. Reducing a web site to its domain inside the join condition made PGlite (no statistics of its own)
 * run the two regular expressions for every member × lead pair: 9,414 × 4,004 held the server 232 s. The plan must
 * reduce each lead's web site once, in the lead_sites CTE, and join on the result. Checked on the plan, not on time:
 * EXPLAIN ANALYZE of a small data set, before any ANALYZE (as PGlite runs it).
 */
interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Subplan Name'?: string;
  readonly 'Actual Loops'?: number;
  readonly Plans?: readonly PlanNode[];
  readonly [key: string]: unknown;
}

/** Every node with the chain of Subplan Names above it (its CTE). */
function nodesOf(node: PlanNode, subplans: readonly string[] = []): Array<{ node: PlanNode; subplans: readonly string[] }> {
  const here = node['Subplan Name'] ? [...subplans, node['Subplan Name']] : subplans;
  return [{ node, subplans: here }, ...(node.Plans ?? []).flatMap((child) => nodesOf(child, here))];
}

/** The node's own expressions (output, conditions, filters), without its children's. */
function ownText(node: PlanNode): string {
  const { Plans: _children, ...own } = node;
  return JSON.stringify(own);
}

describe.each(testDatabaseKinds())('the ad-sync dry run people count on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('reduces each open lead’s web site to its domain once (in the lead_sites CTE) and joins on the domain', async () => {
    const org = await createTestOrg(database);
    const companies = await seedCompanies(database, 40);
    await seedContacts(database, org.orgId, companies.slice(0, 10), (index) => `person.${index}@example.com`);
    for (const [index, company] of companies.entries()) {
      await database.db.execute(sql`INSERT INTO crm_leads (org_id, provider, external_id, name, email, website, is_converted)
        VALUES (${org.orgId}, 'salesforce', ${`LEAD-${company.id}`}, ${`Lead ${index}`}, ${`lead.${index}@example.com`}, ${`https://www.${company.domain ?? ''}/about`}, false)`);
      await database.db.execute(sql`INSERT INTO crm_leads (org_id, provider, external_id, name, email, website, is_converted)
        VALUES (${org.orgId}, 'salesforce', ${`OTHER-${company.id}`}, ${`Other ${index}`}, null, ${`elsewhere-${index}.example.org`}, false)`);
    }
    const segmentId = await seedSegment(database, org.orgId, companies.map((company) => company.id));

    const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(database.db, sql`EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) ${segmentPeopleCountQuery(org.orgId, segmentId)}`);
    const plan = (typeof row?.['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row?.['QUERY PLAN']) as Array<{ Plan: PlanNode }>;
    const root = plan[0]?.Plan;
    if (!root) throw new Error('EXPLAIN returned no plan');
    const reducing = nodesOf(root).filter(({ node }) => ownText(node).includes('regexp_replace'));
    expect(
      reducing.map(({ node, subplans }) => ({ type: node['Node Type'], relation: node['Relation Name'], inCte: subplans.includes('CTE lead_sites'), loops: node['Actual Loops'] })),
    ).toEqual([{ type: expect.stringMatching(/Scan$/), relation: 'crm_leads', inCte: true, loops: 1 }]);

    // And the count is right: 10 contacts, 40 leads at the segment's domains (the other 40 leads are elsewhere).
    expect(await countSegmentAudience(database.db, org.orgId, segmentId)).toMatchObject({ accountCount: 40, peopleCount: 50, peopleWithIdentifier: 50 });
  });
});
