import { describe, expect, it } from 'vitest';
import { visitCopyLine, visitsCopyText, type VisitRow } from '../db/repositories/webVisits';
import { VisitCopyChunks } from './visitCopyChunks';

const ORG = '2b7c1e0e-8f4e-4d2a-9a53-0c8f4b1f7e11';

function rowOf(index: number, url: string, referrer: string | null): VisitRow {
  return { orgId: ORG, visitorId: `visitor-${index}`, url, page: `a.test/${index}`, referrer, visitedAt: new Date(Date.UTC(2026, 11, 6, 19, 0, 0, index)), companyId: index % 3 ? null : `company\t${index}` };
}

function lineOf(row: VisitRow): string {
  return visitCopyLine(row.orgId, row.visitorId, row.url, row.page, row.referrer, row.visitedAt.getTime(), row.companyId);
}

/** Takes every statement's data the way the collector does, each one stored. */
function drain(chunks: VisitCopyChunks, maxRows: number): Array<{ data: Buffer[]; rows: number }> {
  const statements: Array<{ data: Buffer[]; rows: number }> = [];
  for (let batch = chunks.next(maxRows); batch; batch = chunks.next(maxRows)) {
    statements.push({ data: batch.data.map((bytes) => Buffer.from(bytes)), rows: batch.rows });
    chunks.stored();
  }
  return statements;
}

describe('visits queued as COPY lines in chunks', () => {
  it('writes the bytes visitsCopyText gives, whole lines in every chunk, across chunk boundaries and for characters of every width', () => {
    const widths = ['x', 'é', '漢字', '\u{1F600}', 'tab\there', 'line\nbreak\r', 'back\\slash\\N'];
    const rows: VisitRow[] = [];
    for (let index = 0; index < 300; index += 1) {
      const wide = (widths[index % widths.length] ?? '').repeat(1 + (index % 11));
      rows.push(rowOf(index, `https://a.test/${index}/${wide}?q=${wide}`, index % 4 === 0 ? null : `https://r.test/${wide}`));
    }
    const chunks = new VisitCopyChunks(1_000, 1_024);
    for (const row of rows) chunks.append(lineOf(row));
    expect(chunks.size).toBe(300);
    const statements = drain(chunks, 1_000);
    const data = statements.flatMap((statement) => statement.data);
    // Many chunks, each at most its size, each ending at a line's end (so each is valid UTF-8 on its own).
    expect(data.length).toBeGreaterThan(20);
    for (const bytes of data) {
      expect(bytes.length).toBeLessThanOrEqual(1_024);
      expect(bytes[bytes.length - 1]).toBe(0x0a);
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
    }
    expect(Buffer.concat(data).equals(Buffer.from(visitsCopyText(rows), 'utf8'))).toBe(true);
    expect(statements.reduce((sum, statement) => sum + statement.rows, 0)).toBe(300);
    expect(chunks.size).toBe(0);
  });

  it('escapes tabs, line breaks and backslashes in URLs and referrers, and keeps Unicode as UTF-8', () => {
    const row = rowOf(3, 'https://a.test/ä/漢?t=\t&n=\n&r=\r&b=\\&e=\u{1F600}', 'https://r.test/\\N\tü');
    const chunks = new VisitCopyChunks(10);
    chunks.append(lineOf(row));
    const [statement] = drain(chunks, 10);
    expect(statement?.data.length).toBe(1);
    expect(statement?.data[0]?.toString('utf8')).toBe(
      `${ORG}\tvisitor-3\thttps://a.test/ä/漢?t=\\t&n=\\n&r=\\r&b=\\\\&e=\u{1F600}\ta.test/3\thttps://r.test/\\\\N\\tü\t2026-12-06 19:00:00.003+00\tcompany\\t3\n`,
    );
  });

  it('gives a line longer than a chunk a chunk of its own', () => {
    const chunks = new VisitCopyChunks(100, 256);
    const rows = [rowOf(0, 'https://a.test/short', null), rowOf(1, `https://a.test/${'漢'.repeat(300)}`, null), rowOf(2, 'https://a.test/after', null)];
    for (const row of rows) chunks.append(lineOf(row));
    const data = drain(chunks, 100).flatMap((statement) => statement.data);
    expect(data.map((bytes) => bytes.toString('utf8'))).toEqual(rows.map(lineOf));
  });

  it('closes a chunk at maxRowsPerChunk rows, and a statement takes the oldest chunks up to its rows', () => {
    const chunks = new VisitCopyChunks(200);
    for (let index = 0; index < 450; index += 1) chunks.append(lineOf(rowOf(index, 'https://a.test/', null)));
    expect(chunks.chunkCounts.queued).toBe(3);
    expect(drain(chunks, 200).map((statement) => [statement.data.length, statement.rows])).toEqual([[1, 200], [1, 200], [1, 50]]);
    // Small chunks (here closed by statements taking them) go together up to the statement's rows.
    for (let index = 0; index < 5; index += 1) {
      chunks.append(lineOf(rowOf(index, 'https://a.test/', null)));
      chunks.next(1_000);
      chunks.failed();
    }
    expect(chunks.chunkCounts.queued).toBe(5);
    expect(drain(chunks, 3).map((statement) => [statement.data.length, statement.rows])).toEqual([[3, 3], [2, 2]]);
  });

  it('keeps a failed statement’s chunks unchanged and first in line, and lines accepted meanwhile after them', () => {
    const chunks = new VisitCopyChunks(1_000);
    const first = [0, 1, 2].map((index) => lineOf(rowOf(index, `https://a.test/${index}`, null)));
    for (const line of first) chunks.append(line);
    const inFlight = chunks.next(1_000);
    expect(inFlight?.rows).toBe(3);
    expect(() => chunks.next(1_000)).toThrow(/still in flight/);
    // Accepted while the statement runs: into another chunk, not the bytes in flight.
    const later = lineOf(rowOf(3, 'https://a.test/3', null));
    chunks.append(later);
    expect(inFlight?.data.map((bytes) => bytes.toString('utf8')).join('')).toBe(first.join(''));
    chunks.failed();
    expect(chunks.size).toBe(4);
    const retry = chunks.next(3);
    expect(retry?.rows).toBe(3);
    expect(retry?.data.map((bytes) => bytes.toString('utf8')).join('')).toBe(first.join(''));
    chunks.stored();
    expect(chunks.size).toBe(1);
    expect(drain(chunks, 3).map((statement) => statement.data.map((bytes) => bytes.toString('utf8')).join(''))).toEqual([later]);
    expect(chunks.size).toBe(0);
    expect(chunks.next(3)).toBeUndefined();
  });

  it('reuses stored chunks’ memory and keeps only a few once a backlog has drained', () => {
    const chunks = new VisitCopyChunks(10, 4_096);
    for (let index = 0; index < 200; index += 1) chunks.append(lineOf(rowOf(index, 'https://a.test/', null)));
    expect(chunks.chunkCounts).toEqual({ queued: 20, free: 0 });
    const memory = new Set<ArrayBufferLike>();
    for (let batch = chunks.next(10); batch; batch = chunks.next(10)) {
      for (const bytes of batch.data) memory.add(bytes.buffer);
      chunks.stored();
    }
    expect(memory.size).toBe(20);
    expect(chunks.chunkCounts).toEqual({ queued: 0, free: 8 });
    chunks.append(lineOf(rowOf(0, 'https://a.test/', null)));
    expect(chunks.chunkCounts).toEqual({ queued: 1, free: 7 });
    expect(memory.has(chunks.next(10)?.data[0]?.buffer as ArrayBufferLike)).toBe(true);
  });

  it('refuses a chunk size or row count that is not a positive integer', () => {
    expect(() => new VisitCopyChunks(0)).toThrow(/maxRowsPerChunk must be a positive integer, not 0/);
    expect(() => new VisitCopyChunks(10, 1.5)).toThrow(/chunkBytes must be a positive integer, not 1.5/);
  });
});
