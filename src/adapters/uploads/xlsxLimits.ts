/**
 * An .xlsx file is a zip archive; a small upload can unpack to gigabytes (a "zip bomb"), and the shared-strings part
 * is held in memory while rows are read. Before ExcelJS unpacks anything, the archive's central directory (the
 * table of contents at its end, APPNOTE.TXT §4.3.12/§4.3.16) is read and the declared sizes are checked.
 */
export const XLSX_LIMITS = {
  maxEntries: 1_000,
  /** xl/sharedStrings.xml is cached in memory while the sheet streams. */
  maxSharedStringsBytes: 32 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
} as const;

export interface ZipEntrySize {
  readonly name: string;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const ZIP64_MARKER = 0xffffffff;

/** The entries a zip archive declares, or a sentence saying why the archive cannot be read. */
export function readZipEntrySizes(archive: Buffer): ZipEntrySize[] | string {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const searchFrom = Math.max(0, archive.length - 22 - 65_535);
  let end = -1;
  for (let offset = archive.length - 22; offset >= searchFrom; offset--) {
    if (archive.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return 'it is not a zip archive';
  const entryCount = archive.readUInt16LE(end + 10);
  const directoryOffset = archive.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directoryOffset === ZIP64_MARKER) return 'it uses the ZIP64 format, meant for archives larger than 4 GB';
  const entries: ZipEntrySize[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > archive.length || archive.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER) return 'its table of contents is damaged';
    const compressedBytes = archive.readUInt32LE(offset + 20);
    const uncompressedBytes = archive.readUInt32LE(offset + 24);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (compressedBytes === ZIP64_MARKER || uncompressedBytes === ZIP64_MARKER) return `its part ${name} uses the ZIP64 format, meant for parts larger than 4 GB`;
    entries.push({ name, compressedBytes, uncompressedBytes });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => (bytes < MB ? `${Math.ceil(bytes / 1024)} KB` : `${Math.ceil(bytes / MB)} MB`);

/** Undefined when the workbook may be unpacked; otherwise what is wrong, in words for the person who uploaded it. */
export function xlsxSizeProblem(archive: Buffer, limits: typeof XLSX_LIMITS = XLSX_LIMITS): string | undefined {
  const entries = readZipEntrySizes(archive);
  if (typeof entries === 'string') return `The Excel file could not be read: ${entries}. Save it again as .xlsx or export it as CSV.`;
  if (entries.length > limits.maxEntries) return `The Excel file holds ${entries.length} parts (at most ${limits.maxEntries}). Save the list alone in a new workbook, or export it as CSV.`;
  let totalBytes = 0;
  for (const entry of entries) {
    totalBytes += entry.uncompressedBytes;
    if (entry.name === 'xl/sharedStrings.xml' && entry.uncompressedBytes > limits.maxSharedStringsBytes) {
      return `The Excel file's text takes ${megabytes(entry.uncompressedBytes)} once unpacked (at most ${megabytes(limits.maxSharedStringsBytes)}). Export the list as CSV, or split it into smaller files.`;
    }
    if (entry.uncompressedBytes > limits.maxEntryBytes) {
      return `The Excel file's part ${entry.name} takes ${megabytes(entry.uncompressedBytes)} once unpacked (at most ${megabytes(limits.maxEntryBytes)}). Export the list as CSV, or split it into smaller files.`;
    }
  }
  if (totalBytes > limits.maxTotalBytes) {
    return `The Excel file takes ${megabytes(totalBytes)} once unpacked (at most ${megabytes(limits.maxTotalBytes)}). Export the list as CSV, or split it into smaller files.`;
  }
  return undefined;
}
