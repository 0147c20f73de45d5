import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/index';
import { afterEach, describe, expect, it } from 'vitest';
import { startHubSpotEmulator, type HubSpotEmulator } from './index';

/**
 * Fidelity: HubSpot's official client, written against the real API, must work unchanged against the emulator with
 * `basePath`. When it does not, the emulator is fixed, never the client.
 */
let emulator: HubSpotEmulator;
afterEach(async () => emulator?.close());

function sdk(target: HubSpotEmulator, accessToken = target.credentials.accessToken ?? ''): Client {
  return new Client({ accessToken, basePath: target.baseUrl });
}

describe('@hubspot/api-client against the HubSpot emulator', () => {
  it('pages through contacts with after cursors until the end', async () => {
    emulator = await startHubSpotEmulator({ contactCount: 230 });
    const client = sdk(emulator);
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await client.crm.contacts.basicApi.getPage(100, after, ['email', 'company']);
      ids.push(...page.results.map((contact) => contact.id));
      expect(page.results[0]?.properties.email).toMatch(/@/);
      after = page.paging?.next?.after;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(230);
  });

  it('creates a property, batch-updates contacts (200 and 207) and reads them back in a batch', async () => {
    emulator = await startHubSpotEmulator({ contactCount: 20 });
    const client = sdk(emulator);
    const created = await client.crm.properties.coreApi.create('contacts', {
      name: 'openabm_segments', label: 'openabm Segments', type: 'string' as never, fieldType: 'textarea' as never, groupName: 'contactinformation',
    });
    expect(created.name).toBe('openabm_segments');
    const described = await client.crm.properties.coreApi.getByName('contacts', 'openabm_segments');
    expect(described.fieldType).toBe('textarea');

    const page = await client.crm.contacts.basicApi.getPage(3);
    const [a, b] = page.results.map((contact) => contact.id);
    const updated = await client.crm.contacts.batchApi.update({
      inputs: [{ id: a ?? '', properties: { openabm_segments: 'ICP Tier 1;Q3 Intent' } }, { id: b ?? '', properties: { openabm_segments: 'Expansion' } }],
    });
    expect(updated.status).toBe('COMPLETE');
    expect(updated.results.map((result) => result.id).sort()).toEqual([a, b].sort());

    const partial = await client.crm.contacts.batchApi.update({ inputs: [{ id: a ?? '', properties: { openabm_segments: 'X' } }, { id: '99999999', properties: { openabm_segments: 'Y' } }] });
    expect(partial.results).toHaveLength(1);
    expect('numErrors' in partial && partial.numErrors).toBe(1);

    const read = await client.crm.contacts.batchApi.read({ inputs: [{ id: a ?? '' }, { id: b ?? '' }], properties: ['openabm_segments'], propertiesWithHistory: [] });
    const values = Object.fromEntries(read.results.map((result) => [result.id, result.properties.openabm_segments]));
    expect(values).toEqual({ [a ?? '']: 'X', [b ?? '']: 'Expansion' });
  });

  it('searches contacts by a filter and pages the results', async () => {
    emulator = await startHubSpotEmulator({ contactCount: 50 });
    const client = sdk(emulator);
    const first = await client.crm.contacts.basicApi.getPage(1, undefined, ['email']);
    const email = first.results[0]?.properties.email ?? '';
    const found = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'email', operator: FilterOperatorEnum.Eq, value: email }] }],
      properties: ['email', 'company'], limit: 10, after: '0', sorts: [],
    });
    expect(found.total).toBe(1);
    expect(found.results[0]?.properties.email).toBe(email);
    const all = await client.crm.contacts.searchApi.doSearch({ filterGroups: [], properties: ['email'], limit: 20, after: '0', sorts: [] });
    expect(all.total).toBe(50);
    expect(all.paging?.next?.after).toBe('20');
  });

  it('answers 401 to a bad token, and the client surfaces it', async () => {
    emulator = await startHubSpotEmulator({ contactCount: 5 });
    await expect(sdk(emulator, 'not-a-token').crm.contacts.basicApi.getPage(10)).rejects.toMatchObject({ code: 401 });
  });
});
