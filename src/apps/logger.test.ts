import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, isSecretKey } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ logLevel: 'info' }, stream);
  return { logger, text: () => lines.join('') };
}

describe('log redaction', () => {
  it('redacts secrets at any depth and keeps everything else', () => {
    const { logger, text } = capture();
    logger.info(
      {
        connection: { provider: 'salesforce', tokens: { access_token: 'AT-1', refreshToken: 'RT-2', instanceUrl: 'https://acme.my.salesforce.com' } },
        attempts: [{ request: { headers: { Authorization: 'Bearer oabm_live_3' } } }, { body: { client_secret: 'CS-4', password: 'pw-5' } }],
        deep: { a: { b: { c: { d: { e: { apiKey: 'K-6', csrfToken: 'C-7' } } } } } },
      },
      'syncing',
    );
    const written = text();
    for (const secret of ['AT-1', 'RT-2', 'oabm_live_3', 'CS-4', 'pw-5', 'K-6', 'C-7']) expect(written).not.toContain(secret);
    expect(written).toContain('https://acme.my.salesforce.com');
    expect(written).toContain('"provider":"salesforce"');
    expect(written.match(/\[redacted\]/g)).toHaveLength(7);
  });

  it('redacts secrets carried by an error', () => {
    const { logger, text } = capture();
    const error = Object.assign(new Error('token refresh failed'), { details: { refresh_token: 'RT-8' }, status: 400 });
    logger.error({ err: error }, 'refresh failed');
    expect(text()).not.toContain('RT-8');
    expect(text()).toContain('token refresh failed');
    expect(text()).toContain('"stack":"Error: token refresh failed');
    expect(error.details.refresh_token).toBe('RT-8');
  });

  it('survives circular objects', () => {
    const { logger, text } = capture();
    const loop: Record<string, unknown> = { name: 'loop', secret: 'S-9' };
    loop.self = loop;
    logger.info({ loop }, 'circular');
    expect(text()).not.toContain('S-9');
    expect(text()).toContain('[circular]');
  });

  it.each([
    ['password', true],
    ['newPassword', true],
    ['access_token', true],
    ['x-api-key', true],
    ['clientSecret', true],
    ['tokenHash', false],
    ['provider', false],
    ['statusCode', false],
  ])('%s is a secret key: %s', (key, isSecret) => {
    expect(isSecretKey(key)).toBe(isSecret);
  });
});
