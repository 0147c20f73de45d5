import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config';
import { startOpenabm } from '../../runtime';
import { runCli } from '../../../test/cliTestKit';

const dataDir = mkdtempSync(path.join(tmpdir(), 'openabm-orgs-'));
const emptyDataDir = mkdtempSync(path.join(tmpdir(), 'openabm-empty-'));

/** In this process through main() (cli.int.test.ts spawns the bin itself): a spawned CLI costs seconds of CPU each. */
const openabm = (args: string[]) => runCli(args, { OPENABM_DATA_DIR: dataDir, OPENABM_LOG_LEVEL: 'silent', DATABASE_URL: '' });

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(emptyDataDir, { recursive: true, force: true });
});

describe('openabm orgs', () => {
  it('creates an organisation with a one-time password, lists it and deactivates it', { timeout: 180_000 }, async () => {
    const created = await openabm(['orgs', 'create', '--name', 'Initech', '--admin-email', 'Admin@Initech.example']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created organisation "Initech" \([0-9a-f-]{36}\)\.\nPrimary Administrator: admin@initech\.example\nOne-time password: {5}\S{8,}\n/);
    const orgId = /\(([0-9a-f-]{36})\)/.exec(created.stdout)?.[1] ?? '';
    const notAnId = await openabm(['orgs', 'deactivate', 'acme']);
    expect(notAnId.code).toBe(2);
    expect(notAnId.stderr).toContain('"acme" is not an organisation id');
    expect((await openabm(['orgs', 'deactivate', orgId])).stdout).toBe(`Deactivated "Initech" (${orgId}).\n`);
    expect((await openabm(['orgs', 'list'])).stdout).toMatch(new RegExp(`^${orgId}  deactivated +1 users  Initech$`, 'm'));
  });

  it('seeds no demo organisation outside sandbox mode and reports that none exists', { timeout: 120_000 }, async () => {
    const running = await startOpenabm({ config: testConfig({ isSandbox: false, dataDir: emptyDataDir, port: 0, publicUrl: 'http://127.0.0.1:0' }), mode: 'all' });
    try {
      expect(running.demo).toBeUndefined();
      expect(running.hasNoOrganisation).toBe(true);
    } finally {
      await running.close();
    }
  });
});
