/**
 * CSV cells safe to open in a spreadsheet: a cell starting with = + - @, a tab or a carriage return would be read
 * as a formula (CSV injection, OWASP), so it gets a leading apostrophe; cells with separators or quotes are quoted.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let cell = String(value);
  if (typeof value === 'string' && FORMULA_START.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return [header.map(safeCsvCell).join(','), ...rows.map((row) => row.map(safeCsvCell).join(','))].join('\r\n') + '\r\n';
}
