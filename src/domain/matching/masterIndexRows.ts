// The master index's fixed record per company (row): the fields the matcher reads for every candidate side by side,
// 16 bytes, so that a candidate costs one cache line fetch instead of one for each of five separate arrays.
import { decodeUtf8 } from './stringStore';

/** Uint32s per row in MasterIndex.rows. */
export const rowFields = 4;
/** Where the row's name words start in nameWords (they end where the next row's start). */
export const rowWordStart = 0;
/** checkHash(domain) || 1, also for a domain on the exclusion list (which gets no key); 0 without a domain. */
export const rowDomainCheck = 1;
/** Where the row's company id starts in companyIdBytes (it ends where the next row's starts). */
export const rowIdStart = 2;
/** The country (index into countryCodes, 0 = unknown) in the low byte, the completeness (0-255) in the next. */
export const rowCountryAndCompleteness = 3;

/** A row's country and completeness as rowCountryAndCompleteness holds them. */
export function packCountryAndCompleteness(country: number, completeness: number): number {
  return country | (completeness << 8);
}

export function countryOfRow(rows: Uint32Array, row: number): number {
  return (rows[row * rowFields + rowCountryAndCompleteness] ?? 0) & 255;
}

export function completenessOfRow(rows: Uint32Array, row: number): number {
  return (rows[row * rowFields + rowCountryAndCompleteness] ?? 0) >>> 8;
}

export function domainCheckOfRow(rows: Uint32Array, row: number): number {
  return rows[row * rowFields + rowDomainCheck] ?? 0;
}

/** [start, end) of the row's words in nameWords. */
export function wordStartOfRow(rows: Uint32Array, row: number): number {
  return rows[row * rowFields + rowWordStart] ?? 0;
}

export function wordEndOfRow(rows: Uint32Array, row: number): number {
  return rows[(row + 1) * rowFields + rowWordStart] ?? 0;
}

/** The company id of a row (decoded from the id bytes). */
export function companyIdOfRow(index: { readonly rows: Uint32Array; readonly companyIdBytes: Uint8Array }, row: number): string {
  const rows = index.rows;
  return decodeUtf8(index.companyIdBytes, rows[row * rowFields + rowIdStart] ?? 0, rows[(row + 1) * rowFields + rowIdStart] ?? 0);
}
