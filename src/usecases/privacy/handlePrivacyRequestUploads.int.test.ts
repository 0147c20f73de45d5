import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/db/database';
import { upsertCompanies } from '../../adapters/db/repositories/companies';
import { fixedClock } from '../../ports/clock';
import { createTestOrg } from '../../test/createTestOrg';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases';
import { createTestDeps } from '../../test/testApp';
import { createSegment } from '../segments/createSegment';
import { fixUnmatchedRow } from '../segments/fixUnmatchedRow';
import { refreshSegment } from '../segments/refreshSegment';
import { setUploadMapping, uploadAccountList } from '../segments/uploadAccountList';
import { handlePrivacyRequest } from './handlePrivacyRequest';
import { recordPrivacyRequest } from './recordPrivacyRequest';

const ADDRESS = 'jane.doe@gmail.com';
/** Every table an uploaded list or the segment built on it writes to, searched whole-row (every column as text). */
const TABLES = ['uploaded_lists', 'uploaded_list_rows', 'match_batches', 'match_results', 'segments', 'segment_source_rows', 'segment_match_overrides', 'segment_members', 'segment_refreshes', 'segment_membership_changes', 'segment_source_companies', 'crm_accounts', 'crm_contacts', 'crm_leads', 'companies'];

describe.each(testDatabaseKinds())('privacy opt-out requests and uploaded account lists (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  /** Rows of the org's tables holding the whole address in any column (not as the tail of a longer address). */
  async function rowsHolding(orgId: string, address: string): Promise<Record<string, number>> {
    const pattern = `(^|[^a-z0-9._%+-])${address.replace(/[.+]/g, '\\$&')}($|[^a-z0-9_%+-])`;
    const found: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} t WHERE t.org_id = $1 AND t::text ~* $2`, [orgId, pattern]);
      if (row && row.n > 0) found[table] = row.n;
    }
    return found;
  }

  it('removes the address from the uploaded lines, matching inputs, source rows and hand-fix keys of that org only; the segment refreshes to the same members', async () => {
    const suffix = randomUUID().slice(0, 8);
    const acme = { id: `pv-acme-${suffix}`, name: `Quillfeather Anvils ${suffix}`, domain: `quillfeather-${suffix}.test` };
    const brix = { id: `pv-brix-${suffix}`, name: `Brixmoor Tiles ${suffix}`, domain: `brixmoor-${suffix}.test` };
    await upsertCompanies(
      database.db,
      [acme, brix].map((c) => ({ ...c, otherDomains: [], country: 'DE', region: null, city: null, industry: null, employeeRange: null, revenueRange: null, firmographics: {} })),
    );
    const deps = { ...createTestDeps(database), clock: fixedClock(new Date('2026-03-03T10:00:00Z')) };
    const csv = [
      'Company,Website,Country,Contact',
      `Unknown Holding ${suffix},Jane.Doe@Gmail.com,DE,"Jane Doe <Jane.Doe@gmail.com>"`,
      `${brix.name},${brix.domain},DE,xjane.doe@gmail.com`,
    ].join('\n');
    const setUp = async () => {
      const org = await createTestOrg(database);
      const actor = { userId: org.userIds.primary_admin, orgId: org.orgId, role: 'primary_admin' as const, kind: 'user' as const };
      const upload = await uploadAccountList({ orgId: org.orgId, actor, input: { fileName: 'accounts.csv', content: Buffer.from(csv) } }, deps);
      await setUploadMapping({ orgId: org.orgId, actor, input: { uploadId: upload.id, mapping: { name: 0, domain: 1, country: 2 } } }, deps);
      const segment = await createSegment({ orgId: org.orgId, actor, input: { name: 'Uploaded', source: { type: 'upload', uploadId: upload.id } } }, deps);
      // Line 2 (the address in the domain column) matches nothing; a user fixes it by hand.
      await fixUnmatchedRow({ orgId: org.orgId, actor, input: { segmentId: segment.id, rowNumber: 2, companyId: acme.id } }, deps);
      // The address quoted in CRM-synced fields and in a private company's extra column (a company CSV import).
      await database.query(
        `INSERT INTO crm_accounts (org_id, provider, external_id, name, website, fields) VALUES ($1, 'salesforce', 'a1', 'Some Account', 'JANE.DOE@gmail.com', '{"Billing_Email__c": "Jane.Doe@gmail.com", "Tags": ["vip", "jane.doe@gmail.com"]}')`,
        [org.orgId],
      );
      await database.query(`INSERT INTO crm_contacts (org_id, provider, external_id, email, fields) VALUES ($1, 'salesforce', 'c9', 'boss@example.test', '{"AssistantEmail": "jane.doe@gmail.com", "Title": "CEO"}')`, [
        org.orgId,
      ]);
      await upsertCompanies(
        database.db,
        [{ id: `pv-private-${org.orgId}`, name: 'Private Co', domain: `private-${suffix}.test`, otherDomains: [], country: 'DE', region: null, city: null, industry: null, employeeRange: null, revenueRange: null, firmographics: { 'Account manager': ADDRESS } }],
        org.orgId,
      );
      return { org, actor, upload, segment };
    };
    const mine = await setUp();
    const other = await setUp();
    const members = async (orgId: string, segmentId: string) =>
      (await database.query<{ company_id: string }>(`SELECT company_id FROM segment_members WHERE org_id = $1 AND segment_id = $2 ORDER BY company_id`, [orgId, segmentId])).map((r) => r.company_id);
    expect(await members(mine.org.orgId, mine.segment.id)).toEqual([acme.id, brix.id].sort());
    const before = await rowsHolding(mine.org.orgId, ADDRESS);
    expect(before).toMatchObject({ uploaded_list_rows: 1, match_results: 1, segment_source_rows: 1, segment_match_overrides: 1, crm_accounts: 1, crm_contacts: 1, companies: 1 });
    const otherBefore = await database.query(`SELECT line_number, cells FROM uploaded_list_rows WHERE org_id = $1 ORDER BY line_number`, [other.org.orgId]);

    const { request } = await recordPrivacyRequest({ orgId: mine.org.orgId, actor: mine.actor, input: { email: 'JANE.DOE@gmail.com' } }, deps);
    const handled = await handlePrivacyRequest({ orgId: mine.org.orgId, actor: mine.actor, requestId: request.id }, deps);
    expect(handled.request.deletionSummary).toMatchObject({ uploadedListCells: 2, matchResultRows: 1, segmentSourceRows: 1, segmentMatchPicks: 1, crmSyncedRows: 2, privateCompanyRows: 1 });

    expect(await rowsHolding(mine.org.orgId, ADDRESS)).toEqual({});
    // The domain column keeps the address's domain, the free cell is emptied; "xjane.doe@…" is another address.
    expect(await database.query(`SELECT line_number, cells FROM uploaded_list_rows WHERE org_id = $1 ORDER BY line_number`, [mine.org.orgId])).toEqual([
      { line_number: 2, cells: [`Unknown Holding ${suffix}`, 'gmail.com', 'DE', ''] },
      { line_number: 3, cells: [brix.name, brix.domain, 'DE', 'xjane.doe@gmail.com'] },
    ]);
    const newKey = `row:unknown holding ${suffix}|gmail.com|de`;
    expect(await database.query(`SELECT row_key, domain, is_manual_match, company_id FROM segment_source_rows WHERE org_id = $1 AND row_number = 2`, [mine.org.orgId])).toEqual([
      { row_key: newKey, domain: 'gmail.com', is_manual_match: true, company_id: acme.id },
    ]);
    expect(await database.query(`SELECT row_key, company_id FROM segment_match_overrides WHERE org_id = $1`, [mine.org.orgId])).toEqual([{ row_key: newKey, company_id: acme.id }]);

    expect(await database.query(`SELECT website, fields FROM crm_accounts WHERE org_id = $1`, [mine.org.orgId])).toEqual([
      { website: 'gmail.com', fields: { Billing_Email__c: '', Tags: ['vip', ''] } },
    ]);
    expect(await database.query(`SELECT fields FROM crm_contacts WHERE org_id = $1`, [mine.org.orgId])).toEqual([{ fields: { AssistantEmail: '', Title: 'CEO' } }]);
    expect(await database.query(`SELECT firmographics FROM companies WHERE org_id = $1`, [mine.org.orgId])).toEqual([{ firmographics: { 'Account manager': '' } }]);

    // The other organisation's identical upload is untouched.
    expect(await rowsHolding(other.org.orgId, ADDRESS)).toEqual(before);
    expect(await database.query(`SELECT line_number, cells FROM uploaded_list_rows WHERE org_id = $1 ORDER BY line_number`, [other.org.orgId])).toEqual(otherBefore);

    // A refresh re-reads the rewritten lines: the hand fix still lines up, the members are the same.
    const outcome = await refreshSegment({ orgId: mine.org.orgId, segmentId: mine.segment.id, trigger: 'manual' }, deps);
    expect(outcome.kind).toBe('refreshed');
    expect(await members(mine.org.orgId, mine.segment.id)).toEqual([acme.id, brix.id].sort());
    expect(await database.query(`SELECT row_key, is_manual_match, company_id FROM segment_source_rows WHERE org_id = $1 AND row_number = 2`, [mine.org.orgId])).toEqual([
      { row_key: newKey, is_manual_match: true, company_id: acme.id },
    ]);
    expect(await rowsHolding(mine.org.orgId, ADDRESS)).toEqual({});

    // A second request for the same address finds nothing left to remove.
    const { request: again } = await recordPrivacyRequest({ orgId: mine.org.orgId, actor: mine.actor, input: { email: ADDRESS } }, deps);
    const second = await handlePrivacyRequest({ orgId: mine.org.orgId, actor: mine.actor, requestId: again.id }, deps);
    expect(second.request.deletionSummary).toMatchObject({ uploadedListCells: 0, matchResultRows: 0, segmentSourceRows: 0, segmentMatchPicks: 0, crmSyncedRows: 0, privateCompanyRows: 0 });
    await expect(handlePrivacyRequest({ orgId: mine.org.orgId, actor: mine.actor, requestId: request.id }, deps)).rejects.toThrow('This privacy request has already been handled.');
    expect(await members(mine.org.orgId, mine.segment.id)).toEqual([acme.id, brix.id].sort());
  });
});
