import type { CsvRecord } from '../matching/csv';
import { cidrToRange, ipToBigInt, type IpRange } from './ipRanges';

/**
 * The org's IP-range → company file: a header row naming `cidr` or `start_ip` + `end_ip`, `company_name`, and
 * optionally `domain` and `company_id` (a master company id, so visits show on that account). Bad rows are reported
 * with their line and skipped.
 */
export function parseIpRangeFile(records: readonly CsvRecord[]): { ranges: IpRange[]; rejected: Array<{ line: number; reason: string }> } {
  const [header, ...rows] = records;
  if (!header) return { ranges: [], rejected: [{ line: 1, reason: 'The file is empty.' }] };
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const at = (name: string) => names.indexOf(name);
  const [cidrAt, startAt, endAt, nameAt, domainAt, idAt] = [at('cidr'), at('start_ip'), at('end_ip'), at('company_name'), at('domain'), at('company_id')];
  if (nameAt < 0 || (cidrAt < 0 && (startAt < 0 || endAt < 0))) {
    return { ranges: [], rejected: [{ line: header.line, reason: 'The header must name company_name and either cidr or start_ip and end_ip.' }] };
  }
  const ranges: IpRange[] = [];
  const rejected: Array<{ line: number; reason: string }> = [];
  for (const row of rows) {
    const field = (index: number) => (index < 0 ? '' : (row.fields[index] ?? '').trim());
    const companyName = field(nameAt);
    if (!companyName) {
      rejected.push({ line: row.line, reason: 'company_name is empty' });
      continue;
    }
    let bounds: { start: bigint; end: bigint } | undefined;
    if (field(cidrAt)) bounds = cidrToRange(field(cidrAt));
    else {
      const [startText, endText] = [field(startAt), field(endAt)];
      const start = ipToBigInt(startText);
      const end = ipToBigInt(endText);
      const isSameFamily = startText.includes(':') === endText.includes(':');
      bounds = start !== undefined && end !== undefined && isSameFamily && end >= start ? { start, end } : undefined;
    }
    if (!bounds) {
      rejected.push({ line: row.line, reason: 'not an IP range (give cidr like 203.0.113.0/24 or 2001:db8::/32, or start_ip ≤ end_ip of one family)' });
      continue;
    }
    ranges.push({ ...bounds, companyName, domain: field(domainAt).toLowerCase() || null, companyId: field(idAt) || null });
  }
  ranges.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { ranges, rejected };
}
