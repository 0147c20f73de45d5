import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_ROWS, parseAccountFile } from './parseAccountFile';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('parseAccountFile (CSV)', () => {
  it('reads quoted fields, a BOM, CRLF and blank lines, keeping file line numbers', async () => {
    const parsed = await parseAccountFile('list.csv', csv('\uFEFFAccount Name,Website,Billing Country\r\n"Acme, Inc.",acme.com,US\r\n\r\n"Say ""hi"" Ltd",hi.co.uk,GB\r\n'));
    expect(parsed.headers).toEqual(['Account Name', 'Website', 'Billing Country']);
    expect(parsed.lines).toEqual([
      { lineNumber: 2, cells: ['Acme, Inc.', 'acme.com', 'US'] },
      { lineNumber: 4, cells: ['Say "hi" Ltd', 'hi.co.uk', 'GB'] },
    ]);
    expect(parsed.detection).toEqual({ mapping: { name: 0, domain: 1, country: 2 }, isConfident: true });
  });

  it('reads semicolon-separated exports', async () => {
    const parsed = await parseAccountFile('eu.csv', csv('Name;Domain\nAcme;acme.de\n'));
    expect(parsed.lines[0]?.cells).toEqual(['Acme', 'acme.de']);
  });

  it.each<[string, string, string]>([
    ['an unclosed quote, with its line', 'Name,Domain\nAcme,acme.com\n"Broken,x.com\n', 'Line 3: a quoted field is not closed'],
    ['an empty file', '', 'The file is empty.'],
    ['a header without rows', 'Name,Domain\n', 'The file has a header but no accounts.'],
  ])('refuses %s', async (_title, text, message) => {
    await expect(parseAccountFile('x.csv', csv(text))).rejects.toThrow(message);
  });

  it('refuses another file type', async () => {
    await expect(parseAccountFile('x.pdf', csv('a'))).rejects.toThrow('"x.pdf" is neither a CSV (.csv) nor an Excel (.xlsx) file.');
  });

  it(`accepts ${MAX_UPLOAD_ROWS} rows and refuses one more, naming the line`, async () => {
    const body = (n: number) => `Name,Domain\n${Array.from({ length: n }, (_, i) => `Company ${i},c${i}.com`).join('\n')}\n`;
    const progress: number[] = [];
    expect((await parseAccountFile('ok.csv', csv(body(MAX_UPLOAD_ROWS)), (rows) => progress.push(rows))).lines).toHaveLength(MAX_UPLOAD_ROWS);
    expect(progress.at(-1)).toBe(MAX_UPLOAD_ROWS);
    await expect(parseAccountFile('big.csv', csv(body(MAX_UPLOAD_ROWS + 1)))).rejects.toThrow('Line 25002: the file has more than 25,000 accounts');
  });

  it('round-trips any cell text written as RFC 4180 CSV', async () => {
    const cell = fc.string({ maxLength: 30 }).filter((s) => s.trim() === s && s.trim().length > 0);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), fc.constantFrom('\n', '\r\n'), async (rows, eol) => {
        const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
        const text = ['Name,Domain', ...rows.map(([a, b]) => `${quote(a)},${quote(b)}`)].join(eol) + eol;
        const parsed = await parseAccountFile('p.csv', csv(text));
        expect(parsed.lines.map((line) => line.cells)).toEqual(rows.map(([a, b]) => [a, b]));
      }),
      { numRuns: 50 },
    );
  });
});

describe('parseAccountFile (XLSX)', () => {
  it('reads the first sheet, with rich text and hyperlink cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Accounts');
    sheet.addRow(['Company', 'URL', 'Country']);
    sheet.addRow(['Acme', { text: 'acme.com', hyperlink: 'https://acme.com' }, 'US']);
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: 'Glo' }, { text: 'bex' }] }, 'globex.io', 'DE']);
    workbook.addWorksheet('Notes').addRow(['ignored']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const parsed = await parseAccountFile('accounts.xlsx', content);
    expect(parsed.lines).toEqual([
      { lineNumber: 2, cells: ['Acme', 'acme.com', 'US'] },
      { lineNumber: 4, cells: ['Globex', 'globex.io', 'DE'] },
    ]);
    expect(parsed.detection.mapping).toEqual({ name: 0, domain: 1, country: 2 });
  });

  it('refuses a file that is not really XLSX', async () => {
    await expect(parseAccountFile('fake.xlsx', csv('not a zip'))).rejects.toThrow('The Excel file could not be read: it is not a zip archive.');
  });
});
