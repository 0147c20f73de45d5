import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, CsvFormatError, formatCsvField, parseCsv } from './csv';

const fieldsOf = (text: string): string[][] => parseCsv(text).map((record) => record.fields);

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    expect(fieldsOf('a,b\r\n"x,1","say ""hi"""\n"multi\nline",2\n')).toEqual([['a', 'b'], ['x,1', 'say "hi"'], ['multi\nline', '2']]);
  });

  it('drops a byte order mark and skips blank lines, keeping line numbers', () => {
    const records = parseCsv('\ufeffid,name\n\n1,Acme\r\n\r\n2,Kestrel');
    expect(records).toEqual([
      { fields: ['id', 'name'], line: 1 },
      { fields: ['1', 'Acme'], line: 3 },
      { fields: ['2', 'Kestrel'], line: 5 },
    ]);
  });

  it('accepts CR-only line ends and a trailing empty field', () => {
    expect(fieldsOf('a,b\r1,\r')).toEqual([['a', 'b'], ['1', '']]);
  });

  it('names the line of an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2\n"open,3\n4,5')).toThrow(new CsvFormatError('a quoted field is not closed (missing ")', 3));
  });

  it('names the line of text after a closing quote', () => {
    expect(() => parseCsv('a,b\n"x"y,z')).toThrow(/^line 2: unexpected character "y" after a closing quote/);
  });

  const field = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', '\n', '\r\n', ' lead', 'trail ', 'a"b', '\ufeff'));
  const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }).filter((rows) => rows.every((row) => !(row.length === 1 && row[0] === '')));

  it('reads back whatever formatCsvField wrote, with LF or CRLF line ends', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, lineEnd, hasBom) => {
        const text = (hasBom ? '\ufeff' : '') + rows.map((row) => row.map(formatCsvField).join(',')).join(lineEnd) + lineEnd;
        const expected = hasBom && rows[0]?.[0]?.startsWith('\ufeff') === false ? rows : rows;
        expect(fieldsOf(text)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same records however the text is cut into chunks', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const text = `${rows.map((row) => row.map(formatCsvField).join(',')).join('\r\n')}\r\n`;
        const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const parser = createCsvParser();
        const records = [];
        let start = 0;
        for (const position of [...positions, text.length]) {
          records.push(...parser.push(text.slice(start, position)));
          start = position;
        }
        records.push(...parser.end());
        expect(records).toEqual(parseCsv(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws anything but CsvFormatError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseCsv(text);
        } catch (error) {
          return error instanceof CsvFormatError;
        }
        return true;
      }),
    );
  });
});
