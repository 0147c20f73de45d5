import { afterEach, describe, expect, it } from 'vitest';
import { startEloquaEmulator, type EloquaEmulator } from '../../emulators/eloqua/index';
import { createTestMapContext } from '../mapKit/testContext';
import { createEloquaConnector } from './index';

let emulator: EloquaEmulator;
afterEach(async () => emulator?.close());

const connector = createEloquaConnector({ requestTimeoutMs: 5_000 });

async function openOAuth(target: EloquaEmulator) {
  const { clientId = '', clientSecret = '', refreshToken = '' } = target.credentials;
  const settings = { loginUrl: target.baseUrl, clientId, clientSecret, redirectUri: 'http://localhost/cb', extra: { authKind: 'oauth_code' } };
  return createTestMapContext(connector, settings, (c) => c.refreshToken(settings, refreshToken), refreshToken);
}

function basicSettings(target: EloquaEmulator, password = target.credentials.password ?? '') {
  const { siteName = '', userName = '' } = target.credentials;
  return { loginUrl: target.baseUrl, clientId: '', clientSecret: '', redirectUri: '', extra: { authKind: 'basic', siteName, userName, password } };
}

describe('Eloqua connector against the emulator', () => {
  it('discovers the pod base URL after OAuth, describes text (100) and large text (32,000), pages contacts', async () => {
    emulator = await startEloquaEmulator({ contactCount: 1_100 });
    const ctx = await openOAuth(emulator);
    expect(ctx.instanceUrl).toBe(emulator.baseUrl);
    expect(await connector.describeField(ctx, 'contact', '100279')).toMatchObject({ label: 'ABM Segment Names', kind: 'string', maxLength: 100 });
    expect(await connector.describeField(ctx, 'contact', '100280')).toMatchObject({ kind: 'text', maxLength: 32_000 });
    const first = await connector.listRecords(ctx, { object: 'contact', fieldNames: ['100279'], cursor: undefined });
    const second = await connector.listRecords(ctx, { object: 'contact', fieldNames: ['100279'], cursor: first.nextCursor });
    expect([first.records.length, second.records.length, second.nextCursor]).toEqual([1_000, 100, undefined]);
    expect(first.records[0]).toMatchObject({ email: expect.stringContaining('@'), company: expect.any(String), fields: { '100279': null } });
  });

  it('PUTs each contact: an unknown id and a too-long value fail with Eloqua words, the rest are written', async () => {
    emulator = await startEloquaEmulator({ contactCount: 3 });
    const ctx = await openOAuth(emulator);
    const results = await connector.batchUpdate(ctx, 'contact', [
      { id: '1', fields: { '100279': 'ICP Tier 1' } },
      { id: '777', fields: { '100279': 'X' } },
      { id: '2', fields: { '100279': 'x'.repeat(101) } },
    ]);
    expect(results).toEqual([
      { id: '1', ok: true },
      { id: '777', ok: false, code: 'HTTP_404', message: 'There was an error processing the request.', isRetryable: false },
      { id: '2', ok: false, code: 'HTTP_400', message: 'The value of field C_ABM_Segment_Names1 exceeds 100 characters.', isRetryable: false },
    ]);
    expect(emulator.state.contacts.get('1')?.fieldValues.get('100279')).toBe('ICP Tier 1');
  });

  it('waits on 429 with and without Retry-After, and refreshes once on an expired token', async () => {
    emulator = await startEloquaEmulator({ contactCount: 3 });
    const ctx = await openOAuth(emulator);
    emulator.injectFault('throttle_429', { times: 1, retryAfterSeconds: 3 });
    emulator.injectFault('throttle_429', { times: 1 });
    await connector.listRecords(ctx, { object: 'contact', fieldNames: [], cursor: undefined });
    expect(ctx.sleeps).toEqual([3_000, 2_000]);
    emulator.injectFault('expired_token');
    await connector.listRecords(ctx, { object: 'contact', fieldNames: [], cursor: undefined });
    expect(ctx.refreshes).toBe(1);
  });

  it('connects by Basic auth; once the password has expired, the connector asks for a new login', async () => {
    emulator = await startEloquaEmulator({ contactCount: 3 });
    const settings = basicSettings(emulator);
    const ctx = await createTestMapContext(connector, settings, (c) => c.connectWithCredentials?.(settings) ?? Promise.reject(new Error('no basic')));
    expect((await connector.listRecords(ctx, { object: 'contact', fieldNames: [], cursor: undefined })).records).toHaveLength(3);
    emulator.injectFault('expired_password');
    await expect(connector.listRecords(ctx, { object: 'contact', fieldNames: [], cursor: undefined })).rejects.toMatchObject({ kind: 'reauth', message: 'Password expired' });
    await expect(connector.connectWithCredentials?.(basicSettings(emulator, 'wrong'))).rejects.toMatchObject({ kind: 'reauth', message: 'Not authenticated.' });
  });
});
