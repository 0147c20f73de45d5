import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseAccountFile } from './parseAccountFile';
import { readZipEntrySizes, XLSX_LIMITS, xlsxSizeProblem } from './xlsxLimits';

async function workbookBuffer(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Accounts');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same archive, with the central directory claiming `bytes` unpacked for one part (what a zip bomb declares). */
function withDeclaredSize(archive: Buffer, partName: string, bytes: number): Buffer {
  const copy = Buffer.from(archive);
  for (let offset = 0; offset < copy.length - 46; offset++) {
    if (copy.readUInt32LE(offset) !== 0x02014b50) continue;
    const nameLength = copy.readUInt16LE(offset + 28);
    if (copy.toString('utf8', offset + 46, offset + 46 + nameLength) === partName) copy.writeUInt32LE(bytes, offset + 24);
  }
  return copy;
}

describe('XLSX size limits', () => {
  it('reads the parts an ordinary workbook declares and lets it through', async () => {
    const archive = await workbookBuffer([['Company', 'Domain'], ['Acme', 'acme.com']]);
    const entries = readZipEntrySizes(archive);
    expect(Array.isArray(entries) && entries.map((entry) => entry.name)).toContain('xl/worksheets/sheet1.xml');
    expect(xlsxSizeProblem(archive)).toBeUndefined();
  });

  it('refuses shared strings larger than the memory allowed for them', async () => {
    const archive = withDeclaredSize(await workbookBuffer([['Company'], ['Acme']]), 'xl/sharedStrings.xml', 80 * 1024 * 1024);
    expect(xlsxSizeProblem(archive)).toBe("The Excel file's text takes 80 MB once unpacked (at most 32 MB). Export the list as CSV, or split it into smaller files.");
  });

  it('refuses a sheet that unpacks to more than the limit, before unpacking anything', async () => {
    const archive = withDeclaredSize(await workbookBuffer([['Company'], ['Acme']]), 'xl/worksheets/sheet1.xml', 300 * 1024 * 1024);
    await expect(parseAccountFile('bomb.xlsx', archive)).rejects.toThrow(
      "The Excel file's part xl/worksheets/sheet1.xml takes 300 MB once unpacked (at most 256 MB). Export the list as CSV, or split it into smaller files.",
    );
  });

  it('refuses a workbook whose parts add up to more than the total limit', async () => {
    const archive = await workbookBuffer([['Company'], ['Acme']]);
    expect(xlsxSizeProblem(archive, { ...XLSX_LIMITS, maxTotalBytes: 1_000 })).toMatch(/^The Excel file takes \d+ KB once unpacked \(at most 1 KB\)\. Export the list as CSV/);
  });

  it('refuses a damaged table of contents with a sentence', async () => {
    const archive = await workbookBuffer([['Company'], ['Acme']]);
    const truncated = Buffer.concat([archive.subarray(0, 40), archive.subarray(archive.length - 22)]);
    expect(xlsxSizeProblem(truncated)).toBe('The Excel file could not be read: its table of contents is damaged. Save it again as .xlsx or export it as CSV.');
  });
});
