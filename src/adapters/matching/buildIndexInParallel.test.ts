import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMasterFileStreamed } from '../../apps/cli/commands/matchFiles';
import { formatCsvField } from '../../domain/matching/csv';
import { generateDemoCompanies } from '../demo/demoCompanies';
import { buildMasterIndexInParallel } from './buildIndexInParallel';

const dir = mkdtempSync(path.join(tmpdir(), 'openabm-parallel-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function masterCsv(extraRows: string[][] = []): string {
  const lines = ['company_id,name,domain,country,industry,notes'];
  const companies = generateDemoCompanies(3_000, 9);
  companies.forEach((c, n) => {
    // Quoted fields with commas, quotes and line breaks inside, so that cuts must fall outside quotes.
    const notes = n % 7 === 0 ? `line one\nline "two", still ${n}` : n % 11 === 0 ? 'a, b' : '';
    lines.push([c.companyId, n % 13 === 0 ? `${c.name} «Ünïcode»` : c.name, c.domain, c.country, c.industry, notes].map(formatCsvField).join(','));
  });
  for (const row of extraRows) lines.push(row.map(formatCsvField).join(','));
  return `${lines.join('\n')}\n`;
}

describe('the master index built on several threads', () => {
  it('is the index the streamed build gives, field for field', async () => {
    const file = path.join(dir, 'master.csv');
    writeFileSync(file, masterCsv());
    const streamed = await loadMasterFileStreamed(file);
    expect(await buildMasterIndexInParallel(file, 3)).toEqual(streamed);
    // Many chunks, every one built by the other threads (this one only merges).
    expect(await buildMasterIndexInParallel(file, 3, { chunks: 7, isBuildingHere: false })).toEqual(streamed);
    // Cuts at many places: after a quoted line break, inside one (those ranges are rebuilt at the right cut), and
    // closer together than a line (empty ranges).
    for (const chunks of [2, 3, 9, 31, 4_000]) expect(await buildMasterIndexInParallel(file, 2, { chunks })).toEqual(streamed);
  });

  it('rebuilds the ranges of a cut that fell inside a quoted field with line breaks', async () => {
    const file = path.join(dir, 'long-quoted.csv');
    // The middle of the file is inside one field of line breaks: the first line end after the cut is in quotes.
    const rows = generateDemoCompanies(2_000, 3).map((c, n) => [c.companyId, c.name, c.domain, c.country, n === 1_000 ? 'a line\n'.repeat(40_000) : ''].map(formatCsvField).join(','));
    writeFileSync(file, `${['company_id,name,domain,country,notes', ...rows].join('\n')}\n`);
    const streamed = await loadMasterFileStreamed(file);
    expect(streamed.size).toBe(2_000);
    for (const chunks of [2, 3, 4]) expect(await buildMasterIndexInParallel(file, 2, { chunks })).toEqual(streamed);
    expect(await buildMasterIndexInParallel(file, 3, { chunks: 5, isBuildingHere: false })).toEqual(streamed);
  });

  it('reads CRLF line ends and a last line without one as the streamed build does', async () => {
    const file = path.join(dir, 'crlf.csv');
    writeFileSync(file, masterCsv().replaceAll('\n', '\r\n').replace(/\r\n$/, ''));
    const streamed = await loadMasterFileStreamed(file);
    expect(streamed.size).toBe(3_000);
    for (const chunks of [undefined, 2, 7]) expect(await buildMasterIndexInParallel(file, 2, chunks ? { chunks } : {})).toEqual(streamed);
  });

  it('fails on a file that cannot be opened, its threads stopped', async () => {
    await expect(buildMasterIndexInParallel(path.join(dir, 'missing.csv'), 2)).rejects.toThrow(/ENOENT/);
  });

  it('reads the other_names column as the streamed build does (rows of other names in every chunk)', async () => {
    const file = path.join(dir, 'other-names.csv');
    const lines = ['company_id,name,domain,country,other_names,industry'];
    generateDemoCompanies(3_000, 5).forEach((c, n) => {
      const otherNames = n % 3 === 0 ? `${c.name.split(' ')[0] ?? ''} Trading|Old ${c.name}` : '';
      lines.push([c.companyId, c.name, c.domain, c.country, otherNames, c.industry].map(formatCsvField).join(','));
    });
    writeFileSync(file, `${lines.join('\n')}\n`);
    const streamed = await loadMasterFileStreamed(file);
    expect(streamed.size).toBeGreaterThan(4_000);
    expect(streamed.primaryRows).toBeDefined();
    expect(await buildMasterIndexInParallel(file, 2, { chunks: 5 })).toEqual(streamed);
  });

  it('reports a bad row with the line the streamed build reports', async () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, masterCsv([['', 'Nameless Id Ltd', 'nameless.com', 'GB', '', '']]));
    const streamedError = await loadMasterFileStreamed(file).catch((error: unknown) => error);
    expect(String(streamedError)).toMatch(/line \d+: company_id is empty/);
    await expect(buildMasterIndexInParallel(file, 3)).rejects.toThrow((streamedError as Error).message);
    await expect(buildMasterIndexInParallel(file, 2, { chunks: 5, isBuildingHere: false })).rejects.toThrow((streamedError as Error).message);
  });

  it('reports an invalid other_names field with its line, as the database import does', async () => {
    const file = path.join(dir, 'bad-other-names.csv');
    // In the first range and in a later one.
    for (const badRow of [20, 2_500]) {
      const rows = generateDemoCompanies(3_000, 5).map((c, n) => [c.companyId, c.name, c.domain, c.country, n === badRow ? 'Old Name||Older Name' : ''].map(formatCsvField).join(','));
      writeFileSync(file, `${['company_id,name,domain,country,other_names', ...rows].join('\n')}\n`);
      const message = `${file}, line ${badRow + 2}: other_names has an empty name (name 2 of 3)`;
      await expect(loadMasterFileStreamed(file)).rejects.toThrow(message);
      await expect(buildMasterIndexInParallel(file, 2, { chunks: 5 })).rejects.toThrow(message);
      await expect(buildMasterIndexInParallel(file, 2, { chunks: 40 })).rejects.toThrow(message);
      await expect(buildMasterIndexInParallel(file, 2)).rejects.toThrow(message);
    }
  });
});
