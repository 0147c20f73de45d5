import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCsvCell, toCsv } from './csvExport';

describe('safeCsvCell', () => {
  it.each<[string | number | null, string]>([
    ['Acme', 'Acme'],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1-555', "'+1-555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['a,b', '"a,b"'],
    [-5, '-5'],
    [null, ''],
  ])('%j → %s', (input, expected) => {
    expect(safeCsvCell(input)).toBe(expected);
  });

  it('never lets a string cell start with a formula character', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const cell = safeCsvCell(value).replace(/^"/, '');
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
      }),
    );
  });

  it('writes CRLF rows with a header', () => {
    expect(toCsv(['a', 'b'], [['1', '=2']])).toBe("a,b\r\n1,'=2\r\n");
  });
});
