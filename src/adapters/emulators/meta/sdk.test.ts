import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../kit/hashing';
import { startMetaEmulator, type MetaEmulator } from './index';

/** The parts of facebook-nodejs-business-sdk this test uses (the package ships no types). */
interface SdkObject {
  _data: Record<string, unknown>;
  id: string;
  [field: string]: unknown;
}
interface FacebookRequestError extends Error {
  response: { code: number; error_subcode?: number; type: string };
  status: number;
}
interface BusinessSdk {
  FacebookAdsApi: { init(token: string, locale?: string, crashLog?: boolean): unknown; GRAPH: string };
  AdAccount: new (id: string) => {
    createCustomAudience(fields: string[], params: Record<string, unknown>): Promise<SdkObject>;
    getCustomAudiences(fields: string[], params?: Record<string, unknown>): Promise<SdkObject[]>;
  };
  CustomAudience: new (id: string) => {
    createUser(fields: string[], params: Record<string, unknown>): Promise<SdkObject>;
    deleteUsers(params: Record<string, unknown>): Promise<Record<string, unknown>>;
    read(fields: string[]): Promise<SdkObject>;
  };
}

const sdk = createRequire(import.meta.url)('facebook-nodejs-business-sdk') as BusinessSdk;
const hashes = (count: number, offset = 0) => Array.from({ length: count }, (_, index) => sha256Hex(`person${index + offset}@example.com`));

let emulator: MetaEmulator;
const realGraph = Object.getOwnPropertyDescriptor(sdk.FacebookAdsApi, 'GRAPH');

beforeAll(async () => {
  emulator = await startMetaEmulator({ processingDelayMs: 0 });
  // The SDK builds every URL from the static FacebookAdsApi.GRAPH getter: point it at the emulator.
  Object.defineProperty(sdk.FacebookAdsApi, 'GRAPH', { get: () => emulator.baseUrl, configurable: true });
});

afterAll(async () => {
  if (realGraph) Object.defineProperty(sdk.FacebookAdsApi, 'GRAPH', realGraph);
  await emulator.close();
});

describe('facebook-nodejs-business-sdk against the Meta emulator', () => {
  it('creates a customer-file audience, adds and removes users in sessions, reads it and lists the account audiences', async () => {
    sdk.FacebookAdsApi.init(emulator.credentials.accessToken, 'en_US', false);
    const account = new sdk.AdAccount(emulator.credentials.adAccountId);
    const created = await account.createCustomAudience([], { name: 'openabm — ICP Tier 1', subtype: 'CUSTOM', description: 'SDK fidelity', customer_file_source: 'USER_PROVIDED_ONLY' });
    expect(created.id).toMatch(/^\d+$/);

    const audience = new sdk.CustomAudience(created.id);
    const firstHalf = hashes(1_500);
    const secondHalf = hashes(1_000, 1_500);
    const sessionId = 9_778_993;
    const first = await audience.createUser([], { session: { session_id: sessionId, batch_seq: 1, last_batch_flag: false, estimated_num_total: 2_500 }, payload: { schema: ['EMAIL'], data: firstHalf.map((hash) => [hash]) } });
    expect(first._data).toMatchObject({ audience_id: created.id, session_id: String(sessionId), num_received: 1_500, num_invalid_entries: 0 });
    const second = await audience.createUser([], { session: { session_id: sessionId, batch_seq: 2, last_batch_flag: true, estimated_num_total: 2_500 }, payload: { schema: 'EMAIL_SHA256', data: [...secondHalf, 'not-a-hash@example.com'] } });
    expect(second._data).toMatchObject({ num_received: 2_501, num_invalid_entries: 1, invalid_entry_samples: { 'not-a-hash@example.com': 'EMAIL is not a lowercase SHA-256 hex digest' } });

    // deleteUsers sends its parameters in the query string (DELETE), so keep SDK removals small; large ones use POST method=DELETE.
    const removed = await audience.deleteUsers({ session: { session_id: 42, batch_seq: 1, last_batch_flag: true }, payload: { schema: ['EMAIL'], data: firstHalf.slice(0, 100).map((hash) => [hash]) } });
    expect(removed).toMatchObject({ audience_id: created.id, num_received: 100, num_invalid_entries: 0 });

    const members = await (await fetch(`${emulator.baseUrl}/__emulator/audiences/${created.id}/members`)).json() as { memberCount: number; matchedCount: number; members: { identifiers: { EMAIL: string } }[] };
    const expected = [...firstHalf.slice(100), ...secondHalf].sort();
    expect(members.members.map((member) => member.identifiers.EMAIL).sort()).toEqual(expected);

    const read = await audience.read(['name', 'subtype', 'customer_file_source', 'approximate_count_lower_bound', 'operation_status']);
    expect(read._data).toMatchObject({ id: created.id, name: 'openabm — ICP Tier 1', subtype: 'CUSTOM', customer_file_source: 'USER_PROVIDED_ONLY', approximate_count_lower_bound: members.matchedCount, operation_status: { code: 200 } });

    const listed = await account.getCustomAudiences(['name', 'approximate_count_lower_bound']);
    expect(listed.map((item) => item._data.name)).toContain('openabm — ICP Tier 1');
  });

  it('surfaces error 190 for a bad token as a FacebookRequestError', async () => {
    sdk.FacebookAdsApi.init('EAAGnotAValidToken', 'en_US', false);
    const account = new sdk.AdAccount(emulator.credentials.adAccountId);
    const failure = (await account.getCustomAudiences(['name']).then(
      () => new Error('expected a 190 error'),
      (error: unknown) => error,
    )) as FacebookRequestError;
    expect(failure.status).toBe(400);
    expect(failure.response).toMatchObject({ code: 190, type: 'OAuthException' });
  });
});
