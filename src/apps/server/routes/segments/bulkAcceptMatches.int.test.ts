import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../domain/matching/csv';
import type { MatchResult } from '../../../../domain/matching/types';
import { fixedClock } from '../../../../ports/clock';
import type { AccountMatcher } from '../../../../ports/segmentSources';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { createTestDeps } from '../../../../test/testApp';
import { crmAccount, FakeActivations, FakeCrmSources, seedCompanies, type TestCompany } from '../../../../usecases/segments/segmentTestKit';

/** A matcher that answers what each test scripted, by account name: the candidates and scores stay under the test's control. */
class ScriptedMatcher implements AccountMatcher {
  readonly byName = new Map<string, Omit<MatchResult, 'rowId'>>();
  async matchAccounts(_orgId: string, records: ReadonlyArray<{ rowId: string; name?: string | null | undefined }>) {
    return {
      batchId: undefined,
      results: records.map((record) => ({ rowId: record.rowId, ...(this.byName.get(record.name ?? '') ?? { status: 'unmatched' as const, companyId: null, score: null, reason: 'no_candidate' as const, candidates: [] }) })),
    };
  }
}

describe.each(testDatabaseKinds())('segment insights, unmatched rows by reason and bulk accept on %s', (kind) => {
  const crm = new FakeCrmSources();
  const matcher = new ScriptedMatcher();
  const t = useRouteFixture(kind, {
    deps: (database) => ({ ...createTestDeps(database, { clock: fixedClock(new Date('2026-12-01T08:00:00Z')) }), segmentSources: crm, accountMatcher: matcher, segmentActivations: new FakeActivations() }),
  });
  let co: TestCompany[];
  let marketer: Record<string, string>;
  let viewer: Record<string, string>;
  let segmentId: string;
  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const company = (i: number): TestCompany => co[i] as TestCompany;

  beforeAll(async () => {
    marketer = await t.headersOf(t.org, 'marketing_user');
    viewer = await t.headersOf(t.org, 'view_only');
    ({ companies: co } = await seedCompanies(t.database, [
      { name: 'Acme Rockets', country: 'US', industry: 'Aerospace', employeeRange: '1,000 - 4,999' },
      { name: 'Globex Chemicals', country: 'DE', industry: 'Chemicals', employeeRange: '100 - 499' },
      { name: 'Initech Software', country: 'US', industry: 'Software', employeeRange: '10 - 49' },
      { name: 'Umbrella Labs', country: 'FR', industry: 'Software', employeeRange: '10 - 49' },
    ]));
    const matched = (i: number) => ({ status: 'matched' as const, companyId: company(i).id, score: 0.97, reason: null, candidates: [{ companyId: company(i).id, score: 0.97 }] });
    matcher.byName.set('Acme', matched(0));
    matcher.byName.set('Globex GmbH', { status: 'unmatched', companyId: null, score: null, reason: 'low_score', candidates: [{ companyId: company(1).id, score: 0.93 }, { companyId: company(2).id, score: 0.6 }] });
    matcher.byName.set('Initech', { status: 'unmatched', companyId: null, score: null, reason: 'ambiguous', candidates: [{ companyId: company(2).id, score: 0.88 }, { companyId: company(3).id, score: 0.87 }] });
    matcher.byName.set('Umbrella?', { status: 'unmatched', companyId: null, score: null, reason: 'low_score', candidates: [{ companyId: company(3).id, score: 0.7 }] });
    matcher.byName.set('Nobody', { status: 'unmatched', companyId: null, score: null, reason: 'no_candidate', candidates: [] });
    const record = (id: string, name: string) => crmAccount(id, { name, domain: `${id.toLowerCase()}.example`, country: 'US' });
    crm.set('00B-bulk', { name: 'Bulk', objectType: 'account', records: [record('001A', 'Acme'), record('001B', 'Globex GmbH'), record('001C', 'Initech'), record('001D', 'Umbrella?'), record('001E', 'Nobody')] });
    const created = await call('POST', '/api/segments', marketer, { name: 'Bulk accept', source: { type: 'crm_list', provider: 'salesforce', sourceId: '00B-bulk' } });
    expect(created.statusCode).toBe(201);
    segmentId = created.json().segment.id;
  });

  it('rejects an unauthenticated caller and hides the segment from another organisation', async () => {
    expect((await call('GET', `/api/segments/${segmentId}/unmatched`, {})).statusCode).toBe(401);
    const other = await t.headersOf(t.otherOrg, 'primary_admin');
    expect((await call('GET', `/api/segments/${segmentId}/insights`, other)).statusCode).toBe(404);
    expect((await call('POST', `/api/segments/${segmentId}/matches/accept`, other, { minScore: 0.5 })).statusCode).toBe(404);
  });

  it('groups the unmatched rows by reason, filters by one, and counts the suggestions a score would accept', async () => {
    const all = (await call('GET', `/api/segments/${segmentId}/unmatched?minScore=0.85`, viewer)).json();
    expect(all.groups).toEqual([
      { reason: 'no_candidate', label: expect.stringContaining('database does not include'), rowCount: 1, suggestedCount: 0 },
      { reason: 'ambiguous', label: expect.any(String), rowCount: 1, suggestedCount: 1 },
      { reason: 'low_score', label: expect.any(String), rowCount: 2, suggestedCount: 2 },
    ]);
    expect(all.rows.total).toBe(4);
    // Globex GmbH's 93%; not Initech's 88%: two companies fit it equally (88% and 87%), the user chooses.
    expect(all.acceptableCount).toBe(1);
    const lowScore = (await call('GET', `/api/segments/${segmentId}/unmatched?reason=low_score&minScore=0.9`, viewer)).json();
    expect(lowScore.rows.items.map((row: { name: string }) => row.name)).toEqual(['Globex GmbH', 'Umbrella?']);
    expect(lowScore.acceptableCount).toBe(1);
    expect((await call('GET', `/api/segments/${segmentId}/unmatched?reason=nonsense`, viewer)).statusCode).toBe(400);
  });

  it('refuses a view-only user, a score below 50% and a score no suggestion reaches, changing nothing', async () => {
    expect((await call('POST', `/api/segments/${segmentId}/matches/accept`, viewer, { minScore: 0.8 })).statusCode).toBe(403);
    const tooLow = await call('POST', `/api/segments/${segmentId}/matches/accept`, marketer, { minScore: 0.2 });
    expect(tooLow.statusCode).toBe(400);
    expect(tooLow.json().message).toBe('Min score must be at least 0.5.');
    const none = await call('POST', `/api/segments/${segmentId}/matches/accept`, marketer, { minScore: 0.99 });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toBe('No unmatched row has a suggested match scoring 99% or more: nothing was accepted.');
    expect((await call('GET', `/api/segments/${segmentId}`, viewer)).json().segment.counts).toMatchObject({ matched: 1, unmatched: 4, members: 1 });
  });

  it('accepts the best suggestion of each row scoring at least the chosen score, logged in the history as fixed by the user', async () => {
    const accepted = await call('POST', `/api/segments/${segmentId}/matches/accept`, marketer, { minScore: 0.85 });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ acceptedCount: 1, counts: { recordsRead: 5, matched: 2, unmatched: 3, duplicates: 0, members: 2 } });
    const members = (await call('GET', `/api/segments/${segmentId}/members`, viewer)).json().items.map((member: { companyId: string }) => member.companyId);
    expect(members.sort()).toEqual([company(0).id, company(1).id].sort());
    const [latest] = (await call('GET', `/api/segments/${segmentId}/refreshes`, viewer)).json().items;
    expect(latest).toMatchObject({ trigger: 'manual_match', triggeredBy: { userId: t.org.userIds.marketing_user }, note: '1 suggested match scoring 85% or more accepted by hand', addedCount: 1 });
    // The accepted row leaves the unmatched list; the one below 85% stays with its suggestion, and the one two
    // companies fit equally stays for the user to choose (no suggestion to accept, whatever the score).
    expect((await call('GET', `/api/segments/${segmentId}/unmatched?minScore=0.5`, viewer)).json()).toMatchObject({ rows: { total: 3 }, acceptableCount: 1 });
  });

  it('says in the unmatched rows download that several companies fit a row equally, and lists them instead of a best candidate', async () => {
    const download = await call('GET', `/api/segments/${segmentId}/unmatched.csv`, viewer);
    expect(download.statusCode).toBe(200);
    const [header, ...records] = parseCsv(download.body).map((record) => record.fields);
    const column = (name: string) => (header ?? []).indexOf(name);
    const initech = records.find((fields) => fields[column('name')] === 'Initech') ?? [];
    expect(initech[column('reason')]).toBe('ambiguous');
    expect(initech[column('reason_description')]).toBe(`2 companies fit equally well (“${company(2).name}”, “${company(3).name}”); choose one.`);
    // Not the first of the tied companies as if it were the best (a pick at random).
    expect([initech[column('best_candidate_company_id')], initech[column('best_candidate_score')]]).toEqual(['', '']);
    expect(initech[column('equal_fits')]).toBe(
      `${company(2).id} “${company(2).name}” (${company(2).domain} · United States of America); ${company(3).id} “${company(3).name}” (${company(3).domain} · France)`,
    );
    // A row with one best suggestion keeps it.
    const umbrella = records.find((fields) => fields[column('name')] === 'Umbrella?') ?? [];
    expect([umbrella[column('best_candidate_company_id')], umbrella[column('best_candidate_score')], umbrella[column('equal_fits')]]).toEqual([company(3).id, '0.7', '']);
  });

  it('leaves a row that several companies fit equally to the user, who picks one of them', async () => {
    const rows = (await call('GET', `/api/segments/${segmentId}/unmatched?reason=ambiguous&minScore=0.5`, viewer)).json();
    expect(rows.acceptableCount).toBe(0);
    const [initech] = rows.rows.items;
    expect(initech.reasonLabel).toBe(`2 companies fit equally well (“${company(2).name}”, “${company(3).name}”); choose one.`);
    expect(initech.candidates.map((candidate: { isEqualFit: boolean; detail: string }) => [candidate.isEqualFit, candidate.detail])).toEqual([
      [true, expect.stringContaining('United States of America')],
      [true, expect.stringContaining('France')],
    ]);
    const picked = await call('POST', `/api/segments/${segmentId}/rows/${initech.rowNumber}/match`, marketer, { companyId: company(2).id });
    expect(picked.statusCode).toBe(200);
    expect(picked.json().counts).toMatchObject({ matched: 3, unmatched: 2, members: 3 });
  });

  it('shows the make-up by industry, country and size, the match rate and the membership over time', async () => {
    const insights = (await call('GET', `/api/segments/${segmentId}/insights`, viewer)).json();
    expect(insights.memberCount).toBe(3);
    expect(insights.matchRatePercent).toBe(60);
    expect(insights.composition.industry).toEqual(
      expect.arrayContaining([
        { value: 'Aerospace', isOther: false, count: 1 },
        { value: 'Chemicals', isOther: false, count: 1 },
        { value: 'Software', isOther: false, count: 1 },
      ]),
    );
    expect(insights.composition.country).toEqual([
      { value: 'US', isOther: false, count: 2 },
      { value: 'DE', isOther: false, count: 1 },
    ]);
    expect(insights.composition.size.map((slice: { value: string }) => slice.value)).toEqual(['10 - 49', '100 - 499', '1,000 - 4,999']);
    expect(insights.history.map((point: { members: number; matchRatePercent: number }) => [point.members, point.matchRatePercent])).toEqual([
      [1, 20],
      [2, 40],
      [3, 60],
    ]);
  });
});
