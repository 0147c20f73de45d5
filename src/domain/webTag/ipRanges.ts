/**
 * An org's IP-range → company file, parsed: CSV with `start_ip,end_ip` or `cidr`, `company_name`, optional `domain`,
 * `company_id`. IPv4 and IPv6 share one 128-bit number line: an IPv4 address is its IPv4-mapped IPv6 address
 * (`::ffff:a.b.c.d`), so `203.0.113.9`, `::ffff:203.0.113.9` and `::ffff:cb00:7109` are the same point and one sorted
 * list serves both families.
 */
export interface IpRange {
  readonly start: bigint;
  readonly end: bigint;
  readonly companyName: string;
  readonly domain: string | null;
  readonly companyId: string | null;
}

const IPV4_MAPPED_BASE = 0xffff_0000_0000n;
const MAX_IPV6 = (1n << 128n) - 1n;
const HEXTET = /^[0-9a-f]{1,4}$/i;
const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Dotted IPv4 → 0..2^32-1; undefined otherwise. */
function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let result = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    result = result * 256 + Number(part);
  }
  return result;
}

/** IPv6 text (`::` compression, an IPv4 tail, a `%zone` suffix) → 128-bit value; undefined when malformed. */
function parseIpv6(text: string): bigint | undefined {
  const address = text.includes('%') ? text.slice(0, text.indexOf('%')) : text;
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string | undefined): number[] | undefined => {
    if (!half) return [];
    const parts = half.split(':');
    const groups: number[] = [];
    for (let index = 0; index < parts.length; index += 1) {
      const part = parts[index] ?? '';
      if (index === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (v4 === undefined) return undefined;
        groups.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (HEXTET.test(part)) groups.push(parseInt(part, 16));
      else return undefined;
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of [...head, ...new Array<number>(missing).fill(0), ...tail]) value = (value << 16n) | BigInt(group);
  return value;
}

/** An IPv4 or IPv6 address as a point on the shared 128-bit line (IPv4 mapped to ::ffff:0:0/96); undefined otherwise. */
export function ipToBigInt(ip: string): bigint | undefined {
  const text = ip.trim();
  if (text.includes(':')) return parseIpv6(text);
  const v4 = parseIpv4(text);
  return v4 === undefined ? undefined : IPV4_MAPPED_BASE + BigInt(v4);
}

/** `203.0.113.0/24` or `2001:db8::/32` → its first and last address; undefined when malformed (prefix out of range). */
export function cidrToRange(cidr: string): { start: bigint; end: bigint } | undefined {
  const [ip, bitsText, extra] = cidr.trim().split('/');
  if (ip === undefined || bitsText === undefined || extra !== undefined || !/^\d{1,3}$/.test(bitsText)) return undefined;
  const base = ipToBigInt(ip);
  const isV4 = !ip.includes(':');
  const bits = Number(bitsText) + (isV4 ? 96 : 0);
  if (base === undefined || bits > 128) return undefined;
  const hostMask = (1n << BigInt(128 - bits)) - 1n;
  const start = base & (MAX_IPV6 ^ hostMask);
  return { start, end: start | hostMask };
}

/**
 * The ranges as non-overlapping segments sorted by start, for `findRange`. Where ranges overlap, the one starting
 * later wins (for nested ranges, the narrowest: a company's /48 inside its ISP's /32); among equal starts, the
 * narrower. A segment carries its range's company fields.
 */
export function indexRanges(ranges: readonly IpRange[]): IpRange[] {
  const sorted = [...ranges].sort((a, b) => (a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.end > b.end ? -1 : a.end < b.end ? 1 : 0));
  const segments: IpRange[] = [];
  const open: IpRange[] = [];
  let cursor = 0n;
  const emitUntil = (limit: bigint) => {
    while (open.length > 0 && cursor < limit) {
      const top = open[open.length - 1] as IpRange;
      if (top.end < limit) {
        if (cursor <= top.end) segments.push({ ...top, start: cursor, end: top.end });
        cursor = top.end + 1n;
        while (open.length > 0 && (open[open.length - 1] as IpRange).end < cursor) open.pop();
      } else {
        segments.push({ ...top, start: cursor, end: limit - 1n });
        cursor = limit;
      }
    }
  };
  for (const range of sorted) {
    emitUntil(range.start);
    cursor = range.start;
    open.push(range);
  }
  emitUntil(MAX_IPV6 + 1n);
  return segments;
}

/** Finds the segment holding the address in `indexRanges` output (sorted, non-overlapping) by binary search. */
export function findRange(segments: readonly IpRange[], ip: bigint): IpRange | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid] as IpRange;
    if (ip < segment.start) high = mid - 1;
    else if (ip > segment.end) low = mid + 1;
    else return segment;
  }
  return undefined;
}
