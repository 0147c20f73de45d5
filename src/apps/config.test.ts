import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to sandbox mode, port 3000 and ./.openabm', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ isSandbox: true, port: 3000, databaseUrl: undefined });
    expect(config.dataDir).toMatch(/\.openabm$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', OPENABM_PORT: '' }).databaseUrl).toBeUndefined();
  });

  it('prefers OPENABM_PORT over PORT', () => {
    expect(loadConfig({ OPENABM_PORT: '4000', PORT: '5000' }).port).toBe(4000);
    expect(loadConfig({ PORT: '5000' }).port).toBe(5000);
  });

  it('requires a secret key outside sandbox mode', () => {
    expect(() => loadConfig({ OPENABM_SANDBOX: 'false' })).toThrow(ConfigError);
    expect(() => loadConfig({ OPENABM_SANDBOX: 'false' })).toThrow('OPENABM_SECRET_KEY is required outside sandbox mode');
  });

  it('rejects a key of the wrong length', () => {
    expect(() => loadConfig({ OPENABM_SECRET_KEY: 'c2hvcnQ=' })).toThrow('must be 32 bytes');
  });

  it('accepts a 32-byte key in base64 or hex', () => {
    expect(loadConfig({ OPENABM_SANDBOX: 'false', OPENABM_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') }).isSandbox).toBe(false);
    expect(loadConfig({ OPENABM_SECRET_KEY: 'ab'.repeat(32) }).secretKey).toBe('ab'.repeat(32));
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ OPENABM_PORT: '99999' })).toThrow(/OPENABM_PORT/);
  });
});

describe('sandbox mode by address', () => {
  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]'])('defaults to sandbox mode on the loopback address %s', (host) => {
    expect(loadConfig({ OPENABM_HOST: host }).isSandbox).toBe(true);
  });

  it.each(['0.0.0.0', '::', '10.0.0.5', 'openabm.internal'])('refuses %s unless OPENABM_SANDBOX is chosen', (host) => {
    expect(() => loadConfig({ OPENABM_HOST: host })).toThrow(ConfigError);
    expect(() => loadConfig({ OPENABM_HOST: host })).toThrow('For production set OPENABM_SANDBOX=false');
    expect(loadConfig({ OPENABM_HOST: host, OPENABM_SANDBOX: 'true' }).isSandbox).toBe(true);
    expect(loadConfig({ OPENABM_HOST: host, OPENABM_SANDBOX: 'false', OPENABM_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') }).isSandbox).toBe(false);
  });

  it('reads client addresses from X-Forwarded-For only when told it runs behind a proxy', () => {
    expect(loadConfig({}).isBehindProxy).toBe(false);
    expect(loadConfig({ OPENABM_TRUST_PROXY: 'true' }).isBehindProxy).toBe(true);
  });

  it('answers web tag beacons on the fast path unless switched off', () => {
    expect(loadConfig({}).isWebTagFastPath).toBe(true);
    expect(loadConfig({ OPENABM_WEB_TAG_FAST_PATH: 'false' }).isWebTagFastPath).toBe(false);
    expect(loadConfig({ OPENABM_WEB_TAG_FAST_PATH: '0' }).isWebTagFastPath).toBe(false);
  });

  it('reads the CRM host allow-list', () => {
    expect(loadConfig({ OPENABM_CRM_ALLOWED_HOSTS: ' sso.corp.example, .crm.example ,' }).crmAllowedHosts).toEqual(['sso.corp.example', '.crm.example']);
  });
});
