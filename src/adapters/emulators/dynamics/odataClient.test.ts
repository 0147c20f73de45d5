import { EdmV4, OData } from '@odata/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VIEW_NAMES } from './demoViews';
import { startDynamicsEmulator, type RunningDynamicsEmulator } from './index';

/**
 * Fidelity: an independent OData v4 client (@odata/client), and plain FetchXML requests written from Microsoft's
 * Web API documentation, must read the emulator as they would read Dataverse. When they cannot, the emulator is
 * fixed, never the client. Nothing here uses openabm's Dynamics connector.
 */
let emulator: RunningDynamicsEmulator;
let accessToken: string;

beforeAll(async () => {
  emulator = await startDynamicsEmulator({ accountCount: 120, inactiveAccountCount: 10 });
  const { authorityUrl, clientId, clientSecret, orgUrl } = emulator.credentials;
  // Microsoft identity platform, client credentials grant: POST {authority}/oauth2/v2.0/token, scope {org}/.default.
  const response = await fetch(`${authorityUrl}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: `${orgUrl}/.default` }),
  });
  expect(response.status).toBe(200);
  accessToken = ((await response.json()) as { access_token: string }).access_token;
});

afterAll(async () => emulator?.close());

function odataClient() {
  return OData.New4({
    serviceEndpoint: `${emulator.credentials.orgUrl}/api/data/v9.2/`,
    commonHeaders: { Authorization: `Bearer ${accessToken}`, 'OData-MaxVersion': '4.0' },
    processCsrfToken: false,
  });
}

interface AccountRow {
  accountid: string;
  name: string;
  websiteurl: string | null;
}

/** GET {org}/api/data/v9.2/{path} as the Web API documents it (OData headers, bearer token, JSON). */
async function webApi<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${emulator.credentials.orgUrl}/api/data/v9.2/${pathAndQuery}`, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

describe('an independent OData client against the Dynamics emulator', () => {
  it('reads accounts with $select, $filter and $top', async () => {
    const accounts = odataClient().getEntitySet<AccountRow>('accounts');
    const rows = await accounts.query(odataClient().newParam().select(['accountid', 'name', 'websiteurl']).filter('statecode eq 0').top(5));
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.accountid).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof row.name).toBe('string');
    }
  });

  it('reads one account by its key', async () => {
    const [first] = await odataClient().getEntitySet<AccountRow>('accounts').query(odataClient().newParam().select(['accountid', 'name']).top(1));
    expect(first).toBeDefined();
    // Dataverse keys are Edm.Guid literals, written unquoted: accounts(00000000-…).
    const single = await odataClient().getEntitySet<AccountRow>('accounts').retrieve(EdmV4.Guid.from(first!.accountid));
    expect(single.name).toBe(first!.name);
  });

  it('finds a system view in savedqueries and reads its accounts with ?savedQuery=', async () => {
    const views = await odataClient()
      .getEntitySet<{ savedqueryid: string; name: string }>('savedqueries')
      .query(odataClient().newParam().select(['savedqueryid', 'name']).filter(`returnedtypecode eq 'account'`));
    const activeAccounts = views.find((view) => view.name === DEMO_VIEW_NAMES.activeAccounts);
    expect(activeAccounts).toBeDefined();
    const page = await webApi<{ value: AccountRow[] }>(`accounts?savedQuery=${activeAccounts!.savedqueryid}`);
    expect(page.value.length).toBeGreaterThan(0);
    expect(page.value.every((row) => typeof row.accountid === 'string')).toBe(true);
  });

  it('answers a FetchXML query sent as ?fetchXml=', async () => {
    const fetchXml = `<fetch top="3"><entity name="account"><attribute name="accountid"/><attribute name="name"/><filter><condition attribute="statecode" operator="eq" value="0"/></filter><order attribute="name"/></entity></fetch>`;
    const page = await webApi<{ value: AccountRow[] }>(`accounts?fetchXml=${encodeURIComponent(fetchXml)}`);
    expect(page.value).toHaveLength(3);
    const names = page.value.map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
