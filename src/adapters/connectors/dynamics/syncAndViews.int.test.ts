import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CrmRecord, CrmSourceSummary, ReadChangesRequest } from '../../../ports/crmConnector';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { DEMO_VIEW_NAMES } from '../../emulators/dynamics';
import type { TestContext } from './testContext';
import { startDynamicsTestBed, type DynamicsTestBed } from './testSetup';

let bed: DynamicsTestBed;
beforeAll(async () => {
  // 3,000 active accounts + 25,000 inactive: "All Accounts" is over the 25,000 limit.
  bed = await startDynamicsTestBed({ connector: { pageSize: 5000 } });
});
afterEach(() => bed.clearFaults());
afterAll(() => bed.close());

async function readAll(test: TestContext, request: Omit<ReadChangesRequest, 'pageToken'>): Promise<{ records: CrmRecord[]; pages: number }> {
  const records: CrmRecord[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const page = await bed.connector.readChanges(test.ctx, { ...request, pageToken });
    records.push(...page.records);
    pageToken = page.nextPageToken;
    pages += 1;
  } while (pageToken);
  return { records, pages };
}

function viewId(name: string): string {
  const view = bed.emulator.state.views.find((candidate) => candidate.name === name);
  if (!view) throw new Error(`no view ${name}`);
  return view.id;
}

describe('Dynamics connector: daily sync', () => {
  it('reads every account through @odata.nextLink pages, each once', async () => {
    const test = await bed.connect();
    const { records, pages } = await readAll(test, { objectType: 'account', modifiedSince: undefined });
    expect(records).toHaveLength(28_000);
    expect(new Set(records.map((record) => record.externalId)).size).toBe(28_000);
    expect(pages).toBe(6);
    const nextLinkCalls = bed.emulator.server.requestsTo('/api/data/v9.2/accounts').filter((request) => request.query.$skiptoken !== undefined);
    expect(nextLinkCalls).toHaveLength(5);
  });

  it('maps contacts to their account and converted leads to the converted account and contact', async () => {
    const test = await bed.connect();
    const contacts = (await readAll(test, { objectType: 'contact', modifiedSince: undefined })).records;
    const leads = (await readAll(test, { objectType: 'lead', modifiedSince: undefined })).records;
    expect(contacts).toHaveLength(bed.emulator.state.tables.contacts.rows.length);
    const contact = contacts[0];
    const parent = bed.emulator.state.tables.accounts.byId.get(contact?.accountExternalId ?? '');
    expect(contact?.companyName).toBe(parent?.name);
    const converted = leads.filter((lead) => lead.isConverted);
    expect(converted.length).toBeGreaterThan(0);
    for (const lead of converted) expect(bed.emulator.state.tables.accounts.byId.has(lead.accountExternalId ?? '')).toBe(true);
    expect(leads.filter((lead) => !lead.isConverted).every((lead) => lead.accountExternalId === undefined)).toBe(true);
    expect(leads[0]?.ownerName).toBeTruthy();
  });

  it('reads only records modified at or after the cursor, oldest first', async () => {
    const test = await bed.connect();
    bed.clock.advance(60_000);
    const cursor = bed.clock.now().toISOString();
    const ids = bed.emulator.state.tables.accounts.rows.slice(10, 13).map((row) => String(row.accountid));
    for (const id of ids) {
      bed.clock.advance(1000);
      bed.emulator.state.update('accounts', id, { name: `Renamed ${id.slice(0, 4)}` });
    }
    const { records } = await readAll(test, { objectType: 'account', modifiedSince: cursor });
    expect(records.map((record) => record.externalId)).toEqual(ids);
    expect(records[0]?.name).toBe(`Renamed ${ids[0]?.slice(0, 4)}`);
  });

  it('resumes from a stored nextPageToken without re-reading earlier pages', async () => {
    const small = await startDynamicsTestBed({ accountCount: 30, inactiveAccountCount: 0, connector: { pageSize: 10 } });
    try {
      const test = await small.connect();
      const first = await small.connector.readChanges(test.ctx, { objectType: 'account', modifiedSince: undefined, pageToken: undefined });
      const resumed: CrmRecord[] = [];
      let token = first.nextPageToken;
      while (token) {
        const page = await small.connector.readChanges(test.ctx, { objectType: 'account', modifiedSince: undefined, pageToken: token });
        resumed.push(...page.records);
        token = page.nextPageToken;
      }
      const all = [...first.records, ...resumed].map((record) => record.externalId);
      expect(all).toHaveLength(30);
      expect(new Set(all).size).toBe(30);
    } finally {
      await small.close();
    }
  });

  it('refuses a page token that points outside the org', async () => {
    const test = await bed.connect();
    const error = await bed.connector
      .readChanges(test.ctx, { objectType: 'account', modifiedSince: undefined, pageToken: 'https://evil.example/api/data/v9.2/accounts' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permanent', code: 'bad_response' });
  });
});

describe('Dynamics connector: account views', () => {
  let sources: readonly CrmSourceSummary[];
  beforeAll(async () => {
    sources = await bed.connector.listSources((await bed.connect()).ctx);
  });
  const byName = (name: string): CrmSourceSummary | undefined => sources.find((source) => source.name === name);

  it('lists main account views, system and personal, and nothing else', () => {
    expect(sources.map((source) => source.name).sort()).toEqual(
      [DEMO_VIEW_NAMES.activeAccounts, DEMO_VIEW_NAMES.myActiveAccounts, DEMO_VIEW_NAMES.technologyNorthAmerica, DEMO_VIEW_NAMES.tierOneAccounts, DEMO_VIEW_NAMES.allAccounts, DEMO_VIEW_NAMES.myTargetAccounts, DEMO_VIEW_NAMES.sharedEmeaExpansion].sort(),
    );
  });

  it('marks public views under 25,000 accounts with readable filters as usable, with their count', () => {
    const active = byName(DEMO_VIEW_NAMES.activeAccounts);
    expect(active).toMatchObject({ kind: 'saved_view', objectType: 'account', isUsable: true, problems: [], rowCount: 3000 });
  });

  it('marks personal views (own or shared) as not public', () => {
    for (const name of [DEMO_VIEW_NAMES.myTargetAccounts, DEMO_VIEW_NAMES.sharedEmeaExpansion]) {
      expect(byName(name)).toMatchObject({ kind: 'user_view', isUsable: false, problems: [CRM_MESSAGES.listViewNotPublic] });
    }
  });

  it('marks a view of 25,000 or more accounts as too large', () => {
    expect(byName(DEMO_VIEW_NAMES.allAccounts)).toMatchObject({ isUsable: false, problems: [CRM_MESSAGES.listViewTooLarge], rowCount: undefined });
  });

  it('marks a view filtering on a field the integration user cannot see', () => {
    const tier = byName(DEMO_VIEW_NAMES.tierOneAccounts);
    expect(tier).toMatchObject({ isUsable: false, problems: [CRM_MESSAGES.listViewFieldsNotPermitted] });
    expect(tier?.details.hiddenFilterFields).toBe('new_revenuetier');
  });

  it('fetches a usable view through FetchXML paging cookies', async () => {
    const small = await startDynamicsTestBed({ accountCount: 2500, inactiveAccountCount: 0, connector: { pageSize: 1000 } });
    try {
      const test = await small.connect();
      const id = small.emulator.state.views.find((view) => view.name === DEMO_VIEW_NAMES.activeAccounts)?.id ?? '';
      const result = await small.connector.fetchSourceRecords(test.ctx, { kind: 'saved_view', id });
      expect(result.records).toHaveLength(2500);
      expect(new Set(result.records.map((record) => record.externalId)).size).toBe(2500);
      expect(result.records.every((record) => record.name !== undefined)).toBe(true);
      const fetches = small.emulator.server.requestsTo('/api/data/v9.2/accounts').map((request) => request.query.fetchXml ?? '');
      expect(fetches).toHaveLength(3);
      expect(fetches[0]).not.toContain('paging-cookie');
      expect(fetches[1]).toMatch(/page="2" paging-cookie="&lt;cookie page=&quot;1&quot;&gt;/);
      expect(fetches[2]).toContain('page="3"');
    } finally {
      await small.close();
    }
  });

  it.each([
    ['a personal view', 'user_view', DEMO_VIEW_NAMES.myTargetAccounts, CRM_MESSAGES.listViewNotPublic],
    ['a view over 25,000 accounts', 'saved_view', DEMO_VIEW_NAMES.allAccounts, CRM_MESSAGES.listViewTooLarge],
    ['a view filtering on a hidden field', 'saved_view', DEMO_VIEW_NAMES.tierOneAccounts, CRM_MESSAGES.listViewFieldsNotPermitted],
    ['a view of contacts', 'saved_view', DEMO_VIEW_NAMES.activeContacts, CRM_MESSAGES.listViewNotAccountList],
  ] as const)('refuses to fetch %s with the specification message', async (_label, kind, name, message) => {
    const test = await bed.connect();
    const error = await bed.connector.fetchSourceRecords(test.ctx, { kind, id: viewId(name) }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permanent', message });
  });

  it('reads at most 25,000 rows of an oversized view before refusing it', async () => {
    const test = await bed.connect();
    const error = await bed.connector.fetchSourceRecords(test.ctx, { kind: 'saved_view', id: viewId(DEMO_VIEW_NAMES.allAccounts) }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permanent', message: CRM_MESSAGES.listViewTooLarge });
    expect(bed.emulator.server.requestsTo('/api/data/v9.2/accounts')).toHaveLength(5);
  });

  it('says a deleted view no longer exists', async () => {
    const test = await bed.connect();
    const error = await bed.connector.fetchSourceRecords(test.ctx, { kind: 'saved_view', id: '00000000-0000-0000-00aa-000010001002' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permanent', message: CRM_MESSAGES.sourceNotFound });
  });

  it('does not offer a view another user keeps private', async () => {
    const test = await bed.connect();
    const error = await bed.connector.fetchSourceRecords(test.ctx, { kind: 'user_view', id: viewId(DEMO_VIEW_NAMES.privateOtherUser) }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permanent', message: CRM_MESSAGES.sourceNotFound });
  });
});
