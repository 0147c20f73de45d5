import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMasterIndexInParallel, parallelBuildMinBytes, prestartedThreadCount } from '../../adapters/matching/buildIndexInParallel';
import { prestartForCommand } from './prestart';

const dir = mkdtempSync(path.join(tmpdir(), 'openabm-prestart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A master file of `rows` companies (~45 bytes a row). */
function writeMaster(file: string, rows: number): void {
  const lines = ['company_id,name,domain,country'];
  for (let row = 1; row <= rows; row++) lines.push(`C${String(row).padStart(7, '0')},Company ${row} Inc.,company${row}.com,US`);
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const argv = (...args: string[]): string[] => ['node', 'openabm', ...args];

describe('build threads started before the CLI loads', () => {
  const large = path.join(dir, 'large.csv');
  const rows = Math.ceil(parallelBuildMinBytes / 40);
  writeMaster(large, rows);
  const small = path.join(dir, 'small.csv');
  writeMaster(small, 1_000);

  it('start only for openabm match --master with a file the build reads on every core', () => {
    expect(prestartForCommand(argv('users', 'list'))).toBe(false);
    expect(prestartForCommand(argv('match', '--input', large, '--output', 'x.csv'))).toBe(false);
    expect(prestartForCommand(argv('match', '--master', path.join(dir, 'missing.csv'), '--input', 'a.csv'))).toBe(false);
    expect(prestartForCommand(argv('match', '--master', small, '--input', 'a.csv'))).toBe(false);
    // A saved index newer than the file is loaded instead of a build.
    const snapshot = path.join(dir, 'index.bin');
    writeFileSync(snapshot, 'saved');
    utimesSync(large, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(prestartForCommand(argv('match', `--master=${large}`, '--index-snapshot', snapshot))).toBe(false);
    expect(prestartedThreadCount()).toBe(0);
  });

  it('are the threads the next build uses', async () => {
    const isParallel = availableParallelism() >= 2;
    expect(prestartForCommand(argv('match', '--master', large, '--input', 'a.csv', '--output', 'b.csv'))).toBe(isParallel);
    expect(prestartedThreadCount()).toBe(isParallel ? availableParallelism() - 1 : 0);
    const index = await buildMasterIndexInParallel(large);
    expect(index?.size).toBe(rows);
    expect(prestartedThreadCount()).toBe(0);
  });
});
