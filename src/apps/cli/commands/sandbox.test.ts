import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { main } from '../main';

describe('openabm sandbox', () => {
  it('refuses an unknown provider, listing the known ones, with exit code 2', async () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(await main(['node', 'openabm', 'sandbox', 'no-such-provider'])).toBe(2);
    } finally {
      process.stderr.write = original;
    }
    expect(written.join('')).toMatch(/unknown provider "no-such-provider"; known emulators: .*salesforce/);
  });

  it('runs the Salesforce emulator, prints one JSON line with its URL and OAuth credentials, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/openabm.mjs', 'sandbox', 'salesforce', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const printed = JSON.parse(line) as Record<string, string>;
    expect(printed).toMatchObject({ provider: 'salesforce', clientId: expect.any(String), clientSecret: expect.any(String), refreshToken: expect.any(String) });
    const token = await fetch(`${printed.baseUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: printed.refreshToken ?? '', client_id: printed.clientId ?? '', client_secret: printed.clientSecret ?? '' }),
    });
    expect(token.status).toBe(200);
    child.kill('SIGTERM');
    const [exitCode] = (await once(child, 'exit')) as [number | null];
    expect(exitCode).toBe(0);
  });
});
