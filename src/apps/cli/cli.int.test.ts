import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../../test/cliTestKit';

const dataDir = mkdtempSync(path.join(tmpdir(), 'openabm-cli-'));
const cliEnv = { OPENABM_DATA_DIR: dataDir, OPENABM_LOG_LEVEL: 'silent', DATABASE_URL: '' };

/** The CLI runs in this process through main(); the bin is spawned once, for what only a real process shows. */
const openabm = (args: string[], env: Record<string, string> = {}) => runCli(args, { ...cliEnv, ...env });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('openabm CLI', () => {
  it('runs as bin/openabm.mjs in its own process and exits with main()’s code (2 on an unknown command)', () => {
    const result = spawnCli(['frobnicate'], cliEnv);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
    expect(result.code).toBe(2);
  });

  it('prints help listing the commands and exits 0', async () => {
    const result = await openabm(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['start', 'worker', 'migrate', 'users']) expect(result.stdout).toContain(command);
  });

  it('prints help for a sub-command', async () => {
    const result = await openabm(['users', 'add', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--email');
  });

  it('exits 2 on an unknown command', async () => {
    const result = await openabm(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('exits 2 with the list of roles on an unknown role', async () => {
    const result = await openabm(['users', 'add', '--email', 'a@b.co', '--role', 'boss']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown role "boss". Use one of: primary_admin, abm_admin, marketing_user, view_only.');
  });

  it('refuses `worker` without DATABASE_URL and says why', async () => {
    const result = await openabm(['worker']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('openabm worker needs DATABASE_URL');
  });

  it('migrates an empty data directory, then reports it up to date', { timeout: 180_000 }, async () => {
    const first = await openabm(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\): 0001_core\.sql/);
    const second = await openabm(['migrate']);
    expect(second.stdout).toMatch(/Database is up to date/);
  });

  it('refuses to add a user before any organisation exists', async () => {
    const result = await openabm(['users', 'add', '--email', 'a@b.co', '--role', 'view_only']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no organisation yet');
  });

  it('reports a configuration error clearly outside sandbox mode without a key', async () => {
    const result = await openabm(['migrate'], { OPENABM_SANDBOX: 'false' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('OPENABM_SECRET_KEY is required outside sandbox mode');
  });
});
