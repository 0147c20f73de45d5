import { ipv4ToNumber } from './parseVisit';

/** An org's IP-range → company file, parsed: CSV with `start_ip,end_ip` or `cidr`, `company_name`, optional `domain`, `company_id`. */
export interface IpRange {
  readonly start: number;
  readonly end: number;
  readonly companyName: string;
  readonly domain: string | null;
  readonly companyId: string | null;
}

export function cidrToRange(cidr: string): { start: number; end: number } | undefined {
  const [ip, bitsText] = cidr.split('/');
  const base = ip === undefined ? undefined : ipv4ToNumber(ip.trim());
  const bits = Number(bitsText);
  if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  const start = Math.floor(base / size) * size;
  return { start, end: start + size - 1 };
}

/** Finds the range holding the address in ranges sorted by start (overlaps: the last range starting at or before it). */
export function findRange(sortedRanges: readonly IpRange[], ip: number): IpRange | undefined {
  let low = 0;
  let high = sortedRanges.length - 1;
  let candidate = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((sortedRanges[mid]?.start ?? Infinity) <= ip) {
      candidate = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const range = candidate >= 0 ? sortedRanges[candidate] : undefined;
  return range && ip <= range.end ? range : undefined;
}
