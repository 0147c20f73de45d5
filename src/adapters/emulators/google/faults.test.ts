import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../kit/hashing';
import { startGoogleEmulator, type GoogleEmulator, type GoogleEmulatorOptions } from './index';

let emulator: GoogleEmulator;
afterEach(async () => emulator?.close());

type Body = { error?: { code: number; status: string; message: string; details?: Array<Record<string, unknown>> } } & Record<string, unknown>;

async function start(options: GoogleEmulatorOptions = {}) {
  emulator = await startGoogleEmulator({ writeHoldMs: 0, ...options });
  const call = async (path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${emulator.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${emulator.credentials.accessToken}`, 'developer-token': emulator.credentials.developerToken, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
  };
  const control = (path: string, body: unknown) => fetch(`${emulator.baseUrl}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const createList = async (customerId = emulator.credentials.adAccountId, name = 'ICP Tier 1') => {
    const created = await call(`/v22/customers/${customerId}/userLists:mutate`, { operations: [{ create: { name, membershipLifeSpan: '540', crmBasedUserList: { uploadKeyType: 'CONTACT_INFO', dataSourceType: 'FIRST_PARTY' } } }] });
    return String((created.body.results as { resourceName: string }[])[0]?.resourceName.split('/').pop());
  };
  const members = (count: number, offset = 0) => Array.from({ length: count }, (_, index) => ({ userData: { userIdentifiers: [{ emailAddress: sha256Hex(`m${index + offset}@example.com`) }] } }));
  const ingest = (listId: string, audienceMembers: unknown[], extra: Record<string, unknown> = {}, customerId = emulator.credentials.adAccountId) =>
    call('/v1/audienceMembers:ingest', { destinations: [{ operatingAccount: { accountType: 'GOOGLE_ADS', accountId: customerId }, productDestinationId: listId }], audienceMembers, encoding: 'HEX', consent: { adUserData: 'CONSENT_GRANTED', adPersonalization: 'CONSENT_GRANTED' }, ...extra });
  return { call, control, createList, members, ingest };
}

const reasonOf = (body: Body) => body.error?.details?.find((detail) => String(detail['@type']).endsWith('ErrorInfo'))?.reason;

describe('Google emulator faults and limits', () => {
  it('refuses a second write to one user list while the first is running (CONCURRENT_MODIFICATION), and on demand', async () => {
    const { createList, members, ingest, control } = await start({ writeHoldMs: 100 });
    const listId = await createList();
    const [first, second] = await Promise.all([ingest(listId, members(5)), ingest(listId, members(5, 5))]);
    expect([first.status, second.status].sort()).toEqual([200, 400]);
    expect(reasonOf(first.status === 400 ? first.body : second.body)).toBe('CONCURRENT_MODIFICATION');
    await control('faults', { fault: 'concurrent_modification', times: 1 });
    expect((await ingest(listId, members(1))).body.error?.message).toContain('CONCURRENT_MODIFICATION');
    expect((await ingest(listId, members(1))).status).toBe(200);
  });

  it('checks counts and every identifier, naming each bad field; Base64 digests are accepted', async () => {
    const { createList, members, ingest } = await start();
    const listId = await createList();
    expect(reasonOf((await ingest(listId, members(10_001))).body)).toBe('TOO_MANY_AUDIENCE_MEMBERS');
    const tooMany = { userData: { userIdentifiers: Array.from({ length: 11 }, (_, index) => ({ emailAddress: sha256Hex(`x${index}`) })) } };
    expect(reasonOf((await ingest(listId, [tooMany])).body)).toBe('TOO_MANY_USER_IDENTIFIERS');
    const bad = await ingest(listId, [...members(1), { userData: { userIdentifiers: [{ emailAddress: sha256Hex('u@example.com').toUpperCase() }] } }, { userData: { userIdentifiers: [{ phoneNumber: '+15551234567' }] } }]);
    const violations = bad.body.error?.details?.find((detail) => String(detail['@type']).endsWith('BadRequest'))?.fieldViolations as { field: string; reason: string }[];
    expect(violations).toEqual([
      expect.objectContaining({ field: 'audience_members[1].user_data.user_identifiers[0].email_address', reason: 'INVALID_SHA256_FORMAT' }),
      expect.objectContaining({ field: 'audience_members[2].user_data.user_identifiers[0].phone_number', reason: 'INVALID_HEX_ENCODING' }),
    ]);
    const base64 = Buffer.from(sha256Hex('b@example.com'), 'hex').toString('base64');
    expect((await ingest(listId, [{ userData: { userIdentifiers: [{ emailAddress: base64 }] } }], { encoding: 'BASE64' })).status).toBe(200);
    const inspected = (await (await fetch(`${emulator.baseUrl}/__emulator/audiences/${listId}/members`)).json()) as { members: { identifiers: { EMAIL: string } }[] };
    expect(inspected.members.map((member) => member.identifiers.EMAIL)).toEqual([sha256Hex('b@example.com')]);
  });

  it('reports denied consent per record (PARTIAL_SUCCESS), fails requests on demand, and needs the Customer Match terms', async () => {
    const { call, control, createList, members, ingest } = await start();
    const listId = await createList();
    const denied = { ...members(1, 99)[0], consent: { adUserData: 'CONSENT_DENIED', adPersonalization: 'CONSENT_GRANTED' } };
    const partial = await ingest(listId, [...members(3), denied]);
    await control('clock', { advanceMs: 10_000 });
    const status = (await call(`/v1/requestStatus:retrieve?requestId=${String(partial.body.requestId)}`)).body.requestStatusPerDestination as Array<Record<string, unknown>>;
    expect(status[0]).toMatchObject({ requestStatus: 'PARTIAL_SUCCESS', errorInfo: { errorCounts: [{ recordCount: '1', reason: 'PROCESSING_ERROR_REASON_DENIED_CONSENT' }] } });
    await control('faults', { fault: 'request_failed', times: 1 });
    const failed = await ingest(listId, members(2, 50));
    await control('clock', { advanceMs: 10_000 });
    expect(((await call(`/v1/requestStatus:retrieve?requestId=${String(failed.body.requestId)}`)).body.requestStatusPerDestination as Array<Record<string, unknown>>)[0]?.requestStatus).toBe('FAILED');
    const emeaList = await createList('2345678901');
    expect(reasonOf((await ingest(emeaList, members(1), {}, '2345678901')).body)).toBe('TERMS_AND_CONDITIONS_NOT_SIGNED');
    expect((await ingest(emeaList, members(1), { termsOfService: { customerMatchTermsOfServiceStatus: 'ACCEPTED' } }, '2345678901')).status).toBe(200);
  });

  it('answers 403 without write permission, 404 once the list is deleted, 429 beyond the per-minute and daily quotas', async () => {
    const { createList, members, ingest, control } = await start({ requestsPerMinute: 3 });
    const listId = await createList();
    expect((await ingest(listId, members(1), {}, '3456789012')).body.error?.status).toBe('PERMISSION_DENIED');
    emulator.injectFault('audience_deleted', { audienceId: listId });
    expect((await ingest(listId, members(1))).body.error).toMatchObject({ code: 404, status: 'NOT_FOUND' });
    const limited = await ingest(listId, members(1));
    expect(limited.body.error?.status).toBe('RESOURCE_EXHAUSTED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await control('clock', { advanceMs: 60_000 });
    emulator.injectFault('quota_exhausted');
    expect((await ingest(listId, members(1))).status).toBe(429);
    await control('clock', { advanceMs: 86_400_000 });
    expect((await ingest(listId, members(1))).status).toBe(404);
  });

  it('expired_token → 401 until the refresh grant; revoked_token → invalid_grant', async () => {
    const { call } = await start();
    emulator.injectFault('expired_token');
    expect((await call('/v22/customers:listAccessibleCustomers')).body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
    const form = (grant: Record<string, string>) => fetch(`${emulator.credentials.tokenUrl}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: emulator.credentials.clientId, client_secret: emulator.credentials.clientSecret, ...grant }) });
    const refreshed = (await (await form({ grant_type: 'refresh_token', refresh_token: emulator.credentials.refreshToken })).json()) as { access_token: string; expires_in: number };
    expect(refreshed.expires_in).toBe(3_599);
    expect((await call('/v22/customers:listAccessibleCustomers', undefined, { authorization: `Bearer ${refreshed.access_token}` })).body.resourceNames).toHaveLength(4);
    emulator.injectFault('revoked_token');
    expect(await (await form({ grant_type: 'refresh_token', refresh_token: emulator.credentials.refreshToken })).json()).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
  });

  it('Google Ads API: developer token, user list search, Customer Match not allowlisted, unhandled routes', async () => {
    const { call, createList } = await start();
    expect((await call('/v22/customers:listAccessibleCustomers', undefined, { 'developer-token': '' })).status).toBe(401);
    const listId = await createList();
    const found = await call(`/v22/customers/${emulator.credentials.adAccountId}/googleAds:search`, { query: `SELECT user_list.id, user_list.name, user_list.size_for_display FROM user_list WHERE user_list.id = '${listId}'` });
    expect(found.body.results).toEqual([{ userList: { resourceName: `customers/${emulator.credentials.adAccountId}/userLists/${listId}`, id: listId, name: 'ICP Tier 1', sizeForDisplay: '0' } }]);
    const job = await call(`/v22/customers/${emulator.credentials.adAccountId}/offlineUserDataJobs:create`, { job: { type: 'CUSTOMER_MATCH_USER_LIST' } });
    expect(job.body.error?.details?.[0]).toMatchObject({ errors: [{ errorCode: { notAllowlistedError: 'CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE' } }] });
    expect((await call('/v1/events:ingest', {})).status).toBe(501);
  });
});
