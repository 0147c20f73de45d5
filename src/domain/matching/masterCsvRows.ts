import { headerKey, recogniseMasterColumns, type MasterColumns } from './accountColumns';
import { parseOtherDomains } from './companyRecord';
import { CsvFormatError, type CsvRecord } from './csv';
import type { MasterIndexBuilder } from './masterIndex';
import { normalizeMasterDomain } from './normalizeDomain';

/** The master file's columns, and which of them are the core ones (the others count towards completeness). */
export interface MasterCsvColumns extends MasterColumns {
  /** The optional other_names column (-1 without one): see parseOtherNames. */
  otherNames: number;
  /** The optional other_domains column (-1 without one): see parseOtherDomains. */
  otherDomains: number;
  coreColumns: ReadonlySet<number>;
}

export function masterCsvColumns(header: readonly string[], line = 1): MasterCsvColumns {
  const found = recogniseMasterColumns(header, line);
  const otherNames = otherNamesColumn(header, line);
  const otherDomains = otherDomainsColumn(header, line);
  // other_names and other_domains are core, not firmographics: they do not count towards completeness (as in the
  // database's companies, where completeness counts region, city, industry, employee and revenue ranges).
  const extra = [otherNames, otherDomains].filter((position) => position >= 0);
  return { ...found, otherNames, otherDomains, coreColumns: new Set([found.companyId, found.name, found.domain, found.country, ...extra]) };
}

/** Where the header's other_domains column is (-1: none; "domains" is the same column, as the import reads it); two are refused. */
export function otherDomainsColumn(header: readonly string[], line: number): number {
  const positions = header.flatMap((column, position) => (otherDomainsHeaders.has(headerKey(column)) ? [position] : []));
  if (positions.length > 1) throw new CsvFormatError(`the header has ${positions.length} other_domains columns (columns ${positions.map((position) => position + 1).join(' and ')}); give one, domains separated by ";"`, line);
  return positions[0] ?? -1;
}

const otherDomainsHeaders = new Set(['otherdomains', 'domains']);

/** Where the header's other_names column is (-1: none); two of them are refused (which one would be meant?). */
export function otherNamesColumn(header: readonly string[], line: number): number {
  const positions = header.flatMap((column, position) => (headerKey(column) === 'othernames' ? [position] : []));
  if (positions.length > 1) throw new CsvFormatError(`the header has ${positions.length} other_names columns (columns ${positions.map((position) => position + 1).join(' and ')}); give one, names separated by "${otherNamesSeparator}"`, line);
  return positions[0] ?? -1;
}

/** The separator of names in an other_names field. */
export const otherNamesSeparator = '|';
/** At most this many other names a company (the master index keys 8 other names per company). */
export const maxOtherNames = 8;
/** As a company's name (toCompanyRecord). */
const maxOtherNameLength = 500;

export type OtherNamesResult = { isValid: true; otherNames: string[] } | { isValid: false; reason: string };

/**
 * A company's other names (trading, previous or transliterated names) from its other_names field, the same rule for
 * the database's import of companies and for the index built straight from a CSV file: names separated by "|" (a
 * name containing "|" cannot be given), each trimmed, repeated names and the company's own name dropped. An empty
 * cell is no other names. An empty name between separators, a name over 500 characters or more than 8 names make
 * the row invalid (the reason says which), so a company never gets part of its names.
 */
export function parseOtherNames(cell: string, name: string): OtherNamesResult {
  if (cell.trim() === '') return { isValid: true, otherNames: [] };
  const parts = cell.split(otherNamesSeparator).map((part) => part.trim());
  const otherNames: string[] = [];
  for (const [position, part] of parts.entries()) {
    if (part === '') {
      return { isValid: false, reason: `other_names has an empty name (name ${position + 1} of ${parts.length}): separate names with a single "${otherNamesSeparator}", none before the first or after the last` };
    }
    if (part.length > maxOtherNameLength) return { isValid: false, reason: `other_names: name ${position + 1} ("${part.slice(0, 40)}…") is longer than ${maxOtherNameLength} characters` };
    if (part !== name && !otherNames.includes(part)) otherNames.push(part);
  }
  if (otherNames.length > maxOtherNames) return { isValid: false, reason: `other_names has ${otherNames.length} different names; at most ${maxOtherNames} are allowed` };
  return { isValid: true, otherNames };
}

/** The other names of a row for the builder (undefined: none); an invalid field is a CsvFormatError on the row's line. */
function otherNamesOf(cell: string, name: string, line: number): string[] | undefined {
  const parsed = parseOtherNames(cell, name);
  if (!parsed.isValid) throw new CsvFormatError(parsed.reason, line);
  return parsed.otherNames.length > 0 ? parsed.otherNames : undefined;
}

/** The other domains of a row for the builder (undefined: none); an invalid field is a CsvFormatError on the row's line. */
function otherDomainsOf(cell: string, domain: string, line: number): string[] | undefined {
  const parsed = parseOtherDomains(cell, normalizeMasterDomain(domain));
  if (!parsed.isValid) throw new CsvFormatError(parsed.reason, line);
  return parsed.otherDomains.length > 0 ? parsed.otherDomains : undefined;
}

/** Adds one data row of MASTER.csv to the index (the same for the streamed and the parallel build). */
export function addMasterCsvRecord(builder: MasterIndexBuilder, columns: MasterCsvColumns, record: CsvRecord): void {
  const fields = record.fields;
  const companyId = (fields[columns.companyId] ?? '').trim();
  if (companyId.length === 0) throw new CsvFormatError('company_id is empty', record.line);
  let completeness = 0;
  for (let position = 0; position < fields.length; position++) {
    if (!columns.coreColumns.has(position) && isFilled(fields[position] ?? '')) completeness++;
  }
  const name = fields[columns.name] ?? '';
  const otherNames = columns.otherNames >= 0 ? otherNamesOf(fields[columns.otherNames] ?? '', name, record.line) : undefined;
  const domain = fields[columns.domain] ?? '';
  const otherDomainsAt = columns.otherDomains;
  const otherDomains = otherDomainsAt >= 0 ? otherDomainsOf(fields[otherDomainsAt] ?? '', domain, record.line) : undefined;
  builder.add({ companyId, name, domain, country: fields[columns.country] ?? '', completeness, ...(otherDomains ? { otherDomains } : {}), ...(otherNames ? { otherNames } : {}) });
}

/** A field with more than white space (a printable ASCII first character settles it without trimming). */
function isFilled(value: string): boolean {
  if (value.length === 0) return false;
  const first = value.charCodeAt(0);
  return (first > 32 && first < 127) || value.trim() !== '';
}

/** Text of bytes [start, end) of the file: `isAscii` when every byte is below 0x80 (a one-byte copy will do). */
export type MasterCsvText = (start: number, end: number, isAscii: boolean) => string;

const comma = 44;
const quote = 34;
const lineFeed = 10;
const carriageReturn = 13;

/**
 * addMasterCsvRecord for every record of bytes [start, end) of MASTER.csv (whole records), read from the bytes:
 * only the four core fields become strings (the others are only looked at for completeness), instead of decoding
 * the range and splitting every field. Returns false, having added only part of the range, on anything it leaves to
 * the text parser (an unclosed quote, text after a closing quote, an empty company_id, a byte order mark): the caller
 * then rebuilds the range with a new builder through createCsvParser and addMasterCsvRecord, which give the errors.
 */
export function addMasterCsvBytes(builder: MasterIndexBuilder, columns: MasterCsvColumns, bytes: Uint8Array, start: number, end: number, text: MasterCsvText): boolean {
  // Role of each column: 1 company id, 2 name, 3 domain, 4 country, 5 another core column, 6 other names, 7 other
  // domains; 0 counts for completeness.
  const roles = new Uint8Array(Math.max(columns.companyId, columns.name, columns.domain, columns.country, ...columns.coreColumns) + 1);
  for (const column of columns.coreColumns) roles[column] = 5;
  roles[columns.companyId] = 1;
  roles[columns.name] = 2;
  roles[columns.domain] = 3;
  roles[columns.country] = 4;
  if (columns.otherNames >= 0) roles[columns.otherNames] = 6;
  const otherDomainsAt = columns.otherDomains;
  if (otherDomainsAt >= 0) roles[otherDomainsAt] = 7;
  if (end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) return false;
  const shortCountries = new Map<number, string>();
  let position = start;
  while (position < end) {
    let companyId = '';
    // An ASCII id without escaped quotes is copied from the file's bytes [idStart, idEnd) (no string made); -1: a string.
    let idStart = -1;
    let idEnd = -1;
    // An ASCII name without escaped quotes is normalised from the file's bytes [nameStart, nameEnd) (no string made).
    let nameStart = -1;
    let nameEnd = -1;
    let name = '';
    let domain = '';
    let country = '';
    let otherNames = '';
    let otherDomains = '';
    let completeness = 0;
    let field = 0;
    let isFirstEmpty = false;
    for (;;) {
      let contentStart: number;
      let contentEnd: number;
      let highBits = 0;
      let hasEscapes = false;
      if (position < end && bytes[position] === quote) {
        let cursor = position + 1;
        for (;;) {
          if (cursor >= end) return false;
          const byte = bytes[cursor] as number;
          if (byte === quote) {
            if (cursor + 1 < end && bytes[cursor + 1] === quote) {
              hasEscapes = true;
              cursor += 2;
              continue;
            }
            break;
          }
          highBits |= byte;
          cursor++;
        }
        contentStart = position + 1;
        contentEnd = cursor;
        position = cursor + 1;
        if (position < end) {
          const next = bytes[position];
          if (next !== comma && next !== lineFeed && next !== carriageReturn) return false;
        }
      } else {
        let cursor = position;
        while (cursor < end) {
          const byte = bytes[cursor] as number;
          if (byte === comma || byte === lineFeed || byte === carriageReturn) break;
          highBits |= byte;
          cursor++;
        }
        contentStart = position;
        contentEnd = cursor;
        position = cursor;
      }
      const role = field < roles.length ? (roles[field] as number) : 0;
      if (field === 0) isFirstEmpty = contentEnd === contentStart;
      if (role === 0) {
        if (contentEnd > contentStart) {
          const first = bytes[contentStart] as number;
          if ((first > 32 && first < 127) || isFilled(fieldText(text, contentStart, contentEnd, highBits, hasEscapes))) completeness++;
        }
      } else if (role === 4 && contentEnd - contentStart <= 3 && highBits < 0x80) {
        // Country codes repeat: the same string for the same bytes (none made per row, its hash computed once for the builder's lookup).
        const length = contentEnd - contentStart;
        const code = length === 0 ? 0 : length | ((bytes[contentStart] as number) << 2) | (length > 1 ? (bytes[contentStart + 1] as number) << 9 : 0) | (length > 2 ? (bytes[contentStart + 2] as number) << 16 : 0);
        let value = shortCountries.get(code);
        if (value === undefined) {
          value = length === 0 ? '' : fieldText(text, contentStart, contentEnd, highBits, hasEscapes);
          shortCountries.set(code, value);
        }
        country = value;
      } else if (role === 1 && highBits < 0x80 && !hasEscapes) {
        // As companyId.trim() below: JavaScript's white space and line ends in ASCII are tab to carriage return and space.
        idStart = contentStart;
        idEnd = contentEnd;
        while (idStart < idEnd && isAsciiSpace(bytes[idStart] as number)) idStart++;
        while (idEnd > idStart && isAsciiSpace(bytes[idEnd - 1] as number)) idEnd--;
      } else if (role === 2 && highBits < 0x80 && !hasEscapes) {
        nameStart = contentStart;
        nameEnd = contentEnd;
      } else if (role !== 5) {
        const value = contentEnd > contentStart ? fieldText(text, contentStart, contentEnd, highBits, hasEscapes) : '';
        if (role === 1) companyId = value;
        else if (role === 2) name = value;
        else if (role === 3) domain = value;
        else if (role === 4) country = value;
        else if (role === 6) otherNames = value;
        else otherDomains = value;
      }
      field++;
      if (position >= end) break;
      const byte = bytes[position];
      if (byte === comma) {
        position++;
        continue;
      }
      position += byte === carriageReturn && bytes[position + 1] === lineFeed && position + 1 < end ? 2 : 1;
      break;
    }
    // A blank line (one empty field) is skipped, as the text parser skips it.
    if (field === 1 && isFirstEmpty) continue;
    if (idStart >= 0) {
      if (idEnd === idStart) return false;
    } else {
      companyId = companyId.trim();
      if (companyId.length === 0) return false;
    }
    let others: string[] | undefined;
    if (otherNames.length > 0) {
      // Other names are compared with the name as text.
      if (nameStart >= 0) name = fieldText(text, nameStart, nameEnd, 0, false);
      nameStart = -1;
      const parsed = parseOtherNames(otherNames, name);
      // An invalid field is reported by the text parser's path (addMasterCsvRecord), with its line.
      if (!parsed.isValid) return false;
      if (parsed.otherNames.length > 0) others = parsed.otherNames;
    }
    let otherDomainList: string[] | undefined;
    if (otherDomains.length > 0) {
      const parsed = parseOtherDomains(otherDomains, normalizeMasterDomain(domain));
      // As other names: the text parser's path reports an invalid field with its line.
      if (!parsed.isValid) return false;
      if (parsed.otherDomains.length > 0) otherDomainList = parsed.otherDomains;
    }
    // Literals, not a spread: a spread would copy an object per row.
    const company = otherDomainList
      ? others
        ? { companyId, name, domain, country, completeness, otherDomains: otherDomainList, otherNames: others }
        : { companyId, name, domain, country, completeness, otherDomains: otherDomainList }
      : others
        ? { companyId, name, domain, country, completeness, otherNames: others }
        : { companyId, name, domain, country, completeness };
    builder.add(company, bytes, idStart, idEnd, nameStart, nameEnd);
  }
  return true;
}

/** White space String.prototype.trim removes, in ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

function fieldText(text: MasterCsvText, start: number, end: number, highBits: number, hasEscapes: boolean): string {
  const value = text(start, end, highBits < 0x80);
  return hasEscapes ? value.replaceAll('""', '"') : value;
}
