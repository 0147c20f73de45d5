import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/openabm.mjs'), 'start'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, OPENABM_LOG_LEVEL: 'silent', OPENABM_SANDBOX: '', DATABASE_URL: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('openabm start outside a laptop', () => {
  it('refuses to start on a public address without OPENABM_SANDBOX, exits 2 and says how to configure production', () => {
    const result = start({ OPENABM_HOST: '0.0.0.0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('openabm would listen on 0.0.0.0, which is reachable from other machines');
    expect(result.stderr).toContain('For production set OPENABM_SANDBOX=false, OPENABM_SECRET_KEY');
    expect(result.stderr).toContain('set OPENABM_SANDBOX=true');
    expect(result.stdout).toBe('');
  });
});
