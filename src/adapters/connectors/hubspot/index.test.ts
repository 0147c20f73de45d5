import { afterEach, describe, expect, it } from 'vitest';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../emulators/hubspot/index';
import { createTestMapContext } from '../mapKit/testContext';
import { createHubSpotConnector } from './index';

let emulator: HubSpotEmulator;
afterEach(async () => emulator?.close());

const connector = createHubSpotConnector({ requestTimeoutMs: 5_000 });

async function open(target: HubSpotEmulator) {
  const { clientId = '', clientSecret = '', refreshToken = '' } = target.credentials;
  const settings = { loginUrl: target.baseUrl, clientId, clientSecret, redirectUri: 'http://localhost/cb', extra: {} };
  return createTestMapContext(connector, settings, (c) => c.refreshToken(settings, refreshToken), refreshToken);
}

describe('HubSpot connector against the emulator', () => {
  it('refreshes by OAuth, describes fields, pages contacts and reports the portal usage', async () => {
    emulator = await startHubSpotEmulator({ contactCount: 150 });
    const ctx = await open(emulator);
    const field = await connector.describeField(ctx, 'contacts', 'abm_segment_names');
    expect(field).toMatchObject({ kind: 'text', providerType: 'string/textarea', maxLength: 65_536, isWritable: true });
    expect(await connector.describeField(ctx, 'contacts', 'no_such_property')).toBeUndefined();
    expect((await connector.describeField(ctx, 'contacts', 'abm_segments'))?.multiValueSeparator).toBe(';');
    const first = await connector.listRecords(ctx, { object: 'contacts', fieldNames: ['abm_segment_names'], cursor: undefined });
    const second = await connector.listRecords(ctx, { object: 'contacts', fieldNames: ['abm_segment_names'], cursor: first.nextCursor });
    expect(first.records).toHaveLength(100);
    expect(second.records).toHaveLength(50);
    expect(second.nextCursor).toBeUndefined();
    expect(first.records[0]).toMatchObject({ email: expect.stringContaining('@'), fields: { abm_segment_names: null } });
    expect(ctx.providerUsage).toEqual({ used: ctx.calls.length, max: 250_000 });
  });

  it('writes a batch with one missing record: per-record results with HubSpot reason, and creates a property', async () => {
    emulator = await startHubSpotEmulator({ contactCount: 5 });
    const ctx = await open(emulator);
    const page = await connector.listRecords(ctx, { object: 'contacts', fieldNames: [], cursor: undefined });
    const id = page.records[0]?.id ?? '';
    const results = await connector.batchUpdate(ctx, 'contacts', [
      { id, fields: { abm_segment_names: 'ICP Tier 1;Q3 Intent' } },
      { id: '424242', fields: { abm_segment_names: 'X' } },
    ]);
    expect(results[0]).toEqual({ id, ok: true });
    expect(results[1]).toMatchObject({ id: '424242', ok: false, code: 'OBJECT_NOT_FOUND', isRetryable: false });
    expect(emulator.state.store('contacts')?.records.get(id)?.properties.abm_segment_names).toBe('ICP Tier 1;Q3 Intent');
    const created = await connector.createField?.(ctx, 'contacts', { name: 'openabm_segments', label: 'openabm Segments' });
    expect(created).toMatchObject({ name: 'openabm_segments', kind: 'text' });
  });

  it('waits through a ten-second 429 (Retry-After or the interval header) and stops on the DAILY policy', async () => {
    emulator = await startHubSpotEmulator({ contactCount: 5 });
    const ctx = await open(emulator);
    emulator.injectFault('rate_limit_429', { times: 1, retryAfterSeconds: 2 });
    emulator.injectFault('rate_limit_429', { times: 1 });
    await connector.listRecords(ctx, { object: 'contacts', fieldNames: [], cursor: undefined });
    expect(ctx.sleeps).toEqual([2_000, 10_000]);
    emulator.injectFault('daily_limit_exhausted');
    await expect(connector.listRecords(ctx, { object: 'contacts', fieldNames: [], cursor: undefined })).rejects.toMatchObject({
      kind: 'api_limit', code: 'DAILY', message: 'You have reached your daily limit.',
    });
  });

  it('refreshes once on an expired token, and asks for a new login when the refresh token is revoked', async () => {
    emulator = await startHubSpotEmulator({ contactCount: 5 });
    const ctx = await open(emulator);
    emulator.injectFault('expired_token');
    await connector.listRecords(ctx, { object: 'contacts', fieldNames: [], cursor: undefined });
    expect(ctx.refreshes).toBe(1);
    ctx.setAccessToken('bad-token');
    emulator.injectFault('revoked_refresh_token');
    await expect(connector.listRecords(ctx, { object: 'contacts', fieldNames: [], cursor: undefined })).rejects.toMatchObject({ kind: 'reauth', code: 'BAD_REFRESH_TOKEN' });
  });
});
