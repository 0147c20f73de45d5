import { afterEach, describe, expect, it } from 'vitest';
import { startMarketoEmulator, type MarketoEmulator } from '../../emulators/marketo/index';
import { createTestMapContext } from '../mapKit/testContext';
import { createMarketoConnector } from './index';

let emulator: MarketoEmulator;
afterEach(async () => emulator?.close());

const connector = createMarketoConnector({ requestTimeoutMs: 5_000 });

function settingsOf(target: MarketoEmulator, clientSecret = target.credentials.clientSecret ?? '') {
  return { loginUrl: target.baseUrl, clientId: target.credentials.clientId ?? '', clientSecret, redirectUri: '', extra: { munchkinId: '123-ABC-456', instanceUrl: target.baseUrl } };
}

async function open(target: MarketoEmulator) {
  const settings = settingsOf(target);
  return createTestMapContext(connector, settings, (c) => c.connectWithCredentials?.(settings) ?? Promise.reject(new Error('no client credentials')));
}

describe('Marketo connector against the emulator', () => {
  it('gets a token by client credentials and refuses bad credentials with Marketo words', async () => {
    emulator = await startMarketoEmulator({ leadCount: 3 });
    const tokens = await connector.connectWithCredentials?.(settingsOf(emulator));
    expect(tokens).toMatchObject({ expiresInSeconds: 3_599, instanceUrl: emulator.baseUrl, externalOrgId: '123-ABC-456' });
    await expect(connector.connectWithCredentials?.(settingsOf(emulator, 'wrong'))).rejects.toMatchObject({ kind: 'reauth', code: 'invalid_client', message: 'Bad client credentials' });
  });

  it('describes string (255) and text area (bytes) fields and walks every lead in id windows', async () => {
    emulator = await startMarketoEmulator({ leadCount: 650 });
    const ctx = await open(emulator);
    expect(await connector.describeField(ctx, 'lead', 'aBMSegmentNames')).toMatchObject({ kind: 'string', maxLength: 255, lengthUnit: 'characters' });
    expect(await connector.describeField(ctx, 'lead', 'aBMSegmentsLong')).toMatchObject({ kind: 'text', maxLength: 30_000, lengthUnit: 'bytes' });
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await connector.listRecords(ctx, { object: 'lead', fieldNames: ['aBMSegmentNames'], cursor });
      ids.push(...page.records.map((record) => record.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(650);
  });

  it('updates a batch where one lead is missing: 1004 Lead not found for that one only', async () => {
    emulator = await startMarketoEmulator({ leadCount: 3 });
    const ctx = await open(emulator);
    const results = await connector.batchUpdate(ctx, 'lead', [
      { id: '1', fields: { aBMSegmentNames: 'ICP Tier 1;Q3 Intent' } },
      { id: '9999', fields: { aBMSegmentNames: 'X' } },
    ]);
    expect(results).toEqual([{ id: '1', ok: true }, { id: '9999', ok: false, code: '1004', message: 'Lead not found', isRetryable: false }]);
    expect(emulator.state.leads.get(1)?.aBMSegmentNames).toBe('ICP Tier 1;Q3 Intent');
  });

  it('waits on 606 and 615 (HTTP 200 bodies), stops on 607, and refreshes on 602', async () => {
    emulator = await startMarketoEmulator({ leadCount: 3 });
    const ctx = await open(emulator);
    emulator.injectFault('rate_limit_606', { times: 1 });
    emulator.injectFault('concurrency_615', { times: 1 });
    await connector.describeField(ctx, 'lead', 'company');
    expect(ctx.sleeps).toEqual([20_000, 1_000]);
    emulator.injectFault('expired_token');
    await connector.describeField(ctx, 'lead', 'company');
    expect(ctx.refreshes).toBe(1);
    emulator.injectFault('daily_quota_607');
    await expect(connector.describeField(ctx, 'lead', 'company')).rejects.toMatchObject({ kind: 'api_limit', code: '607', message: 'Daily quota reached (607)' });
  });

  it('a bad token that refreshing cannot cure asks for a new login', async () => {
    emulator = await startMarketoEmulator({ leadCount: 3 });
    const ctx = await open(emulator);
    emulator.injectFault('invalid_token');
    await expect(connector.describeField(ctx, 'lead', 'company')).rejects.toMatchObject({ kind: 'reauth', code: '601', message: 'Access token invalid (601)' });
  });
});
