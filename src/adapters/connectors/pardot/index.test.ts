import { afterEach, describe, expect, it } from 'vitest';
import { startPardotEmulator, type PardotEmulator } from '../../emulators/pardot/index';
import { createTestMapContext } from '../mapKit/testContext';
import { createPardotConnector } from './index';

let emulator: PardotEmulator;
afterEach(async () => emulator?.close());

const connector = createPardotConnector({ requestTimeoutMs: 5_000 });

async function open(target: PardotEmulator) {
  const { clientId = '', clientSecret = '', refreshToken = '', businessUnitId = '' } = target.credentials;
  const settings = { loginUrl: target.baseUrl, clientId, clientSecret, redirectUri: 'http://localhost/cb', extra: { businessUnitId, pardotUrl: target.baseUrl } };
  return createTestMapContext(connector, settings, (c) => c.refreshToken(settings, refreshToken), refreshToken);
}

describe('Pardot connector against the emulator', () => {
  it('logs in through Salesforce OAuth, sends the business unit header, describes and pages prospects', async () => {
    emulator = await startPardotEmulator({ prospectCount: 1_200 });
    const ctx = await open(emulator);
    expect(await connector.describeField(ctx, 'prospect', 'ABM_Segment_Names__c')).toMatchObject({ kind: 'string', maxLength: 255, isCustom: true });
    expect(await connector.describeField(ctx, 'prospect', 'ABM_Segments_Long__c')).toMatchObject({ kind: 'text', maxLength: 65_535 });
    const first = await connector.listRecords(ctx, { object: 'prospect', fieldNames: ['ABM_Segment_Names__c'], cursor: undefined });
    const second = await connector.listRecords(ctx, { object: 'prospect', fieldNames: ['ABM_Segment_Names__c'], cursor: first.nextCursor });
    expect(first.records).toHaveLength(1_000);
    expect(second.records).toHaveLength(200);
    expect(second.nextCursor).toBeUndefined();
    const sent = emulator.server.requestsTo('/api/v5/objects/prospects', 'GET');
    expect(sent.every((request) => request.headers['pardot-business-unit-id'] === '0Uv5g000000TestAAA')).toBe(true);
    expect(ctx.providerUsage).toEqual({ used: 4, max: 50_000 });
  });

  it('writes prospects one by one: a missing one fails with Pardot words, the others are written', async () => {
    emulator = await startPardotEmulator({ prospectCount: 3 });
    const ctx = await open(emulator);
    const [a] = (await connector.listRecords(ctx, { object: 'prospect', fieldNames: [], cursor: undefined })).records;
    const results = await connector.batchUpdate(ctx, 'prospect', [
      { id: a?.id ?? '', fields: { ABM_Segment_Names__c: 'ICP Tier 1' } },
      { id: '1', fields: { ABM_Segment_Names__c: 'X' } },
      { id: a?.id ?? '', fields: { No_Such_Field__c: 'X' } },
    ]);
    expect(results).toEqual([
      { id: a?.id, ok: true },
      { id: '1', ok: false, code: '4', message: 'Invalid prospect ID', isRetryable: false },
      { id: a?.id, ok: false, code: '65', message: 'Invalid field specified: No_Such_Field__c', isRetryable: false },
    ]);
    expect(emulator.state.prospects.get(Number(a?.id))?.ABM_Segment_Names__c).toBe('ICP Tier 1');
  });

  it('waits on code 66 whatever the status, stops on code 122, and refreshes once on 401', async () => {
    emulator = await startPardotEmulator({ prospectCount: 3 });
    const ctx = await open(emulator);
    emulator.injectFault('concurrency_66', { times: 1 });
    emulator.injectFault('concurrency_66', { times: 1, status: 200 });
    await connector.listRecords(ctx, { object: 'prospect', fieldNames: [], cursor: undefined });
    expect(ctx.sleeps).toEqual([1_000, 1_000]);
    emulator.injectFault('expired_token');
    await connector.listRecords(ctx, { object: 'prospect', fieldNames: [], cursor: undefined });
    expect(ctx.refreshes).toBe(1);
    emulator.injectFault('daily_limit_122');
    await expect(connector.listRecords(ctx, { object: 'prospect', fieldNames: [], cursor: undefined })).rejects.toMatchObject({ kind: 'api_limit', code: '122', message: 'Daily API rate limit met.' });
  });

  it('a revoked refresh token asks for a new login; a refresh already in progress is transient', async () => {
    emulator = await startPardotEmulator({ prospectCount: 3 });
    const ctx = await open(emulator);
    emulator.injectFault('token_request_in_progress', { times: 1 });
    ctx.setAccessToken('bad');
    await expect(connector.listRecords(ctx, { object: 'prospect', fieldNames: [], cursor: undefined })).rejects.toMatchObject({ kind: 'retry', message: 'token request is already being processed' });
    emulator.injectFault('revoked_refresh_token');
    await expect(connector.listRecords(ctx, { object: 'prospect', fieldNames: [], cursor: undefined })).rejects.toMatchObject({ kind: 'reauth', code: 'invalid_grant' });
  });
});
