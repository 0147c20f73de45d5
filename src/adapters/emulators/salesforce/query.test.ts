import { afterEach, describe, expect, it } from 'vitest';
import { soql, startWireClient, type WireClient } from './testClient';

let client: WireClient;
afterEach(async () => client?.emulator.close());

type QueryPage = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: Record<string, unknown>[] };

describe('Salesforce emulator SOQL query', () => {
  it('pages past 2,000 records with nextRecordsUrl until done, under any API version', async () => {
    client = await startWireClient({ accountCount: 4_500, contactCount: 10, leadCount: 10 });
    const first = await client.json<QueryPage>(soql('SELECT Id, Name FROM Account'));
    expect(first).toMatchObject({ totalSize: 4_500, done: false });
    expect(first.records).toHaveLength(2_000);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w+-2000$/);
    const locator = first.nextRecordsUrl?.split('/').pop() ?? '';
    // jsforce keeps only the locator and rebuilds the URL with its own version.
    const second = await client.json<QueryPage>(`/services/data/v50.0/query/${locator}`);
    expect(second.records).toHaveLength(2_000);
    const third = await client.json<QueryPage>(second.nextRecordsUrl ?? '');
    expect(third).toMatchObject({ done: true, totalSize: 4_500 });
    expect(third).not.toHaveProperty('nextRecordsUrl');
    const ids = new Set([...first.records, ...second.records, ...third.records].map((record) => record.Id));
    expect(ids.size).toBe(4_500);
  });

  it('honours Sforce-Query-Options batchSize', async () => {
    client = await startWireClient();
    const page = await client.json<QueryPage>(soql('SELECT Id FROM Contact'), { headers: { 'sforce-query-options': 'batchSize=250' } });
    expect(page.records).toHaveLength(250);
    expect(page.nextRecordsUrl).toMatch(/-250$/);
  });

  it('filters incrementally on LastModifiedDate with a datetime literal and sees a record updated since', async () => {
    let nowMs = Date.UTC(2025, 5, 2, 9);
    client = await startWireClient({ clock: { now: () => new Date(nowMs) } });
    const cursor = '2025-06-02T00:00:00Z';
    const before = await client.json<QueryPage>(soql(`SELECT Id, LastModifiedDate FROM Account WHERE LastModifiedDate > ${cursor} ORDER BY LastModifiedDate ASC`));
    expect(before.totalSize).toBe(0);
    const target = client.emulator.state.records('Account')[7];
    nowMs += 60_000;
    const patch = await client.api(`/sobjects/Account/${target?.Id}`, { method: 'PATCH', body: JSON.stringify({ Segment_Names__c: 'ICP Tier 1' }) });
    expect(patch.status).toBe(204);
    const after = await client.json<QueryPage>(soql(`SELECT Id, LastModifiedDate, SystemModstamp FROM Account WHERE SystemModstamp > ${cursor}`));
    expect(after.records).toEqual([expect.objectContaining({ Id: target?.Id, LastModifiedDate: '2025-06-02T09:01:00.000+0000' })]);
  });

  it('refuses a quoted datetime with MALFORMED_QUERY, like Salesforce', async () => {
    client = await startWireClient();
    const response = await client.api(soql("SELECT Id FROM Account WHERE LastModifiedDate > '2025-01-01T00:00:00Z'"));
    expect(response.status).toBe(400);
    const [error] = (await response.json()) as { errorCode: string; message: string }[];
    expect(error?.errorCode).toBe('MALFORMED_QUERY');
    expect(error?.message).toContain("must be of type dateTime and should not be enclosed in quotes");
  });

  it('answers INVALID_FIELD for unknown or hidden fields and INVALID_TYPE for unknown objects', async () => {
    client = await startWireClient();
    const unknown = (await (await client.api(soql('SELECT Foo FROM Account'))).json()) as { errorCode: string }[];
    expect(unknown[0]?.errorCode).toBe('INVALID_FIELD');
    const hidden = (await (await client.api(soql('SELECT Id, Credit_Rating__c FROM Account'))).json()) as { errorCode: string }[];
    expect(hidden[0]?.errorCode).toBe('INVALID_FIELD');
    const type = (await (await client.api(soql('SELECT Id FROM Opportunity__x'))).json()) as { errorCode: string }[];
    expect(type[0]?.errorCode).toBe('INVALID_TYPE');
  });

  it('supports relationships, Id IN with 15-character ids, COUNT(), LIMIT and queryAll of deleted rows', async () => {
    client = await startWireClient();
    const [first, second] = client.emulator.state.records('Lead');
    const byIds = await client.json<QueryPage>(soql(`SELECT Id, Owner.Name, ConvertedAccount.Name FROM Lead WHERE Id IN ('${first?.Id.slice(0, 15)}', '${second?.Id}')`));
    expect(byIds.records.map((record) => record.Id)).toEqual([first?.Id, second?.Id]);
    expect(byIds.records[0]?.Owner).toMatchObject({ attributes: { type: 'User' }, Name: expect.any(String) });
    const count = await client.json<QueryPage>(soql('SELECT COUNT() FROM Account'));
    expect(count).toEqual({ totalSize: 300, done: true, records: [] });
    client.emulator.state.delete('Lead', first?.Id ?? '');
    const live = await client.json<QueryPage>(soql(`SELECT Id FROM Lead WHERE Id = '${first?.Id}'`));
    const all = await client.json<QueryPage>(`/queryAll?q=${encodeURIComponent(`SELECT Id, IsDeleted FROM Lead WHERE Id = '${first?.Id}'`)}`);
    expect(live.totalSize).toBe(0);
    expect(all.records[0]).toMatchObject({ IsDeleted: true });
    const limited = await client.json<QueryPage>(soql('SELECT Id FROM Account ORDER BY Name DESC NULLS LAST LIMIT 3'));
    expect(limited.records).toHaveLength(3);
  });

  it('answers INVALID_QUERY_LOCATOR for an unknown cursor', async () => {
    client = await startWireClient();
    const response = await client.api('/query/01gXXXXXXXXXXXXAAA-2000');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
  });

  it('answers 501 "unhandled: METHOD /path" for a route it does not implement', async () => {
    client = await startWireClient();
    const response = await client.api('/services/async/62.0/job', { method: 'POST', body: '{}' });
    expect(response.status).toBe(501);
    expect(await response.json()).toEqual({ error: 'unhandled: POST /services/async/62.0/job' });
  });

  it('generates the same org for the same seed, with messy spellings and leads from companies outside the CRM', async () => {
    client = await startWireClient({ seed: 7 });
    const again = await startWireClient({ seed: 7 });
    try {
      const names = (c: WireClient) => c.emulator.state.records('Account').map((record) => `${record.Id}|${String(record.Name)}|${String(record.Website)}`);
      expect(names(again)).toEqual(names(client));
    } finally {
      await again.emulator.close();
    }
    const websites = client.emulator.state.records('Account').map((record) => String(record.Website));
    expect(websites.some((website) => website.startsWith('https://www.'))).toBe(true);
    expect(websites.some((website) => website === 'null')).toBe(true);
    const countries = new Set(client.emulator.state.records('Account').map((record) => record.BillingCountry));
    const usSpellings = ['US', 'USA', 'United States', 'UNITED STATES', 'United States of America', 'U.S.', ' united states', 'america'].filter((name) => countries.has(name));
    expect(usSpellings.length).toBeGreaterThanOrEqual(3);
    expect(countries.has(null)).toBe(true);
  });
});
