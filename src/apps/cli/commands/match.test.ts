// The `openabm match` contract (issue 3 §5): the first case through the real CLI in a child process, the others
// through main() in this process (a spawned CLI costs seconds of CPU each; see src/test/cliTestKit.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../../../test/cliTestKit';

const dir = mkdtempSync(path.join(tmpdir(), 'openabm-match-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, text);
  return filePath;
}

/** `openabm match <args>` in this process. */
async function runMatch(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const result = await runCli(['match', ...args]);
  return { status: result.code, stdout: result.stdout, stderr: result.stderr };
}

const master = file(
  'master.csv',
  'company_id,name,domain,country,industry\nC1,Northwind Analytics Inc.,northwind-analytics.com,US,Software\nC2,Bluepeak Logistics GmbH,bluepeak.de,DE,Logistics\nC3,"Kestrel & Sons, Ltd",,GB,\n',
);

describe('openabm match', () => {
  it('writes one result per input row, in input order, with the contract header and --stats on stderr', () => {
    const input = file(
      'accounts.csv',
      'Id,Account Name,Website,Billing Country\nr1,NORTHWIND ANALYTICS,https://www.northwind-analytics.com/about,United States\nr2,Bluepeak Logistics,,Germany\nr3,bluepeak logistics gmbh,bluepeak.de,DE\nr4,Someone,jane@gmail.com,US\nr5,Kestrel and Sons,,UK\n',
    );
    const output = path.join(dir, 'results.csv');
    const result = spawnCli(['match', '--master', master, '--input', input, '--output', output, '--stats']);
    expect(result.code).toBe(0);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row_id,status,company_id,score,reason');
    expect(lines.slice(1).map((line) => line.split(',').filter((_, n) => n !== 3).join(','))).toEqual([
      'r1,matched,C1,',
      'r2,matched,C2,',
      'r3,duplicate,C2,',
      'r4,unmatched,,excluded_domain',
      'r5,matched,C3,',
    ]);
    const stats = JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
    expect(Object.keys(stats)).toEqual(['master_rows', 'input_rows', 'matched', 'unmatched', 'duplicates', 'index_ms', 'match_ms', 'peak_rss_mb']);
    expect(stats).toMatchObject({ master_rows: 3, input_rows: 5, matched: 3, unmatched: 1, duplicates: 1 });
  });

  it('counts companies, not their other names, in --stats master_rows', async () => {
    const withOtherNames = file('master-other-names.csv', 'company_id,name,domain,country,other_names\nC1,Kestrel Lebensmittel GmbH,kestrelfoods.de,DE,Kestrel Foods|KF Group\nC2,Orbital Data Systems Ltd,orbitaldata.co.uk,GB,\n');
    const input = file('other-names-input.csv', 'Account Name,Billing Country\nKF Group,Germany\n');
    const result = await runMatch(['--master', withOtherNames, '--input', input, '--output', path.join(dir, 'other-names-results.csv'), '--stats']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ master_rows: 2, input_rows: 1, matched: 1 });
  });

  it('numbers rows when the input has no id column', async () => {
    const input = file('noid.csv', 'company,url\nBluepeak Logistics,bluepeak.de\nNobody Ltd,\n');
    const output = path.join(dir, 'noid-results.csv');
    expect((await runMatch(['--master', master, '--input', input, '--output', output])).status).toBe(0);
    expect(readFileSync(output, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0])).toEqual(['1', '2']);
  });

  it('rejects a malformed file with its line number and a non-zero exit', async () => {
    const input = file('bad.csv', 'row_id,name\nr1,Acme\nr2,"Unclosed\n');
    const result = await runMatch(['--master', master, '--input', input, '--output', path.join(dir, 'bad-results.csv')]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/bad\.csv, line 3: a quoted field is not closed/);
  });

  it('rejects an input file with no name or domain column', async () => {
    const input = file('nocols.csv', 'owner,stage\nme,open\n');
    const result = await runMatch(['--master', master, '--input', input, '--output', path.join(dir, 'x.csv')]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/nocols\.csv, line 1: no name or domain column/);
  });
});
