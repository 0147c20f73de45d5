import { describe, expect, it } from 'vitest';
import { parseCsv } from '../matching/csv';
import { cidrToRange, findRange, indexRanges, ipToBigInt, type IpRange } from './ipRanges';
import { parseIpRangeFile } from './parseIpRangeFile';

const MAPPED = 0xffff_0000_0000n;

describe('ipToBigInt', () => {
  it('puts IPv4 on the IPv4-mapped IPv6 line, so every spelling of one address is one point', () => {
    expect(ipToBigInt('10.0.0.1')).toBe(MAPPED + 167772161n);
    expect(ipToBigInt('::ffff:10.0.0.1')).toBe(MAPPED + 167772161n);
    expect(ipToBigInt('::FFFF:a00:1')).toBe(MAPPED + 167772161n);
  });
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['2001:db8::1', 0x2001_0db8_0000_0000_0000_0000_0000_0001n],
    ['2001:DB8:0:0:0:0:0:1', 0x2001_0db8_0000_0000_0000_0000_0000_0001n],
    ['fe80::1%eth0', 0xfe80_0000_0000_0000_0000_0000_0000_0001n],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', (1n << 128n) - 1n],
    ['64:ff9b::192.0.2.33', 0x0064_ff9b_0000_0000_0000_0000_c000_0221n],
  ])('reads IPv6 %s', (text, value) => expect(ipToBigInt(text)).toBe(value));
  it.each(['', '10.0.0', '10.0.0.256', '10.0.0.01x', '1::2::3', '12345::', ':1', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', 'g::1', '::ffff:300.1.1.1'])(
    'rejects %j',
    (text) => expect(ipToBigInt(text)).toBeUndefined(),
  );
});

describe('cidrToRange', () => {
  it('reads IPv4 and IPv6 blocks, masking host bits', () => {
    expect(cidrToRange('10.0.1.7/24')).toEqual({ start: MAPPED + 167772416n, end: MAPPED + 167772671n });
    expect(cidrToRange('0.0.0.0/0')).toEqual({ start: MAPPED, end: MAPPED + 0xffff_ffffn });
    expect(cidrToRange('2001:db8:abcd:12::/64')).toEqual({ start: 0x2001_0db8_abcd_0012_0000_0000_0000_0000n, end: 0x2001_0db8_abcd_0012_ffff_ffff_ffff_ffffn });
    expect(cidrToRange('2001:db8::5/128')).toEqual({ start: 0x2001_0db8_0000_0000_0000_0000_0000_0005n, end: 0x2001_0db8_0000_0000_0000_0000_0000_0005n });
  });
  it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0', '10.0.0.0/', '10.0.0.0/8/1', '2001:db8::/x'])('rejects %j', (text) => expect(cidrToRange(text)).toBeUndefined());
});

describe('findRange', () => {
  const range = (cidr: string, companyName: string): IpRange => {
    const bounds = cidrToRange(cidr);
    if (!bounds) throw new Error(cidr);
    return { ...bounds, companyName, domain: null, companyId: null };
  };
  const ranges = indexRanges([
    range('2001:db8:1::/48', 'D'),
    range('10.0.0.0/24', 'A'),
    range('2001:db8::/32', 'C'),
    range('10.0.2.0/24', 'B'),
    range('10.0.2.128/25', 'B2'),
    { start: ipToBigInt('10.0.0.200') as bigint, end: ipToBigInt('10.0.1.10') as bigint, companyName: 'E', domain: null, companyId: null },
  ]);
  const lookup = (ip: string) => {
    const point = ipToBigInt(ip);
    return point === undefined ? undefined : findRange(ranges, point)?.companyName;
  };
  it('finds the holding range of either family; nested: the narrowest; overlapping: the later start', () => {
    expect(lookup('10.0.0.199')).toBe('A');
    expect(lookup('10.0.0.200')).toBe('E');
    expect(lookup('10.0.1.10')).toBe('E');
    expect(lookup('10.0.2.127')).toBe('B');
    expect(lookup('10.0.2.128')).toBe('B2');
    expect(lookup('10.0.2.255')).toBe('B2');
    expect(lookup('::ffff:10.0.2.1')).toBe('B');
    expect(lookup('10.0.1.11')).toBeUndefined();
    expect(lookup('2001:db8:ffff::1')).toBe('C');
    expect(lookup('2001:db8::1')).toBe('C');
    expect(lookup('2001:db8:1:2::3')).toBe('D');
    expect(lookup('2001:db9::1')).toBeUndefined();
    expect(lookup('::1')).toBeUndefined();
  });
});

describe('parseIpRangeFile', () => {
  it('imports IPv4 and IPv6 rows, sorted, and says which rows it could not read', () => {
    const csv = [
      'cidr,start_ip,end_ip,company_name',
      '2001:db8::/32,,,Vantorel',
      ',203.0.113.10,203.0.113.20,Brightwell',
      ',2001:db9::1,2001:db9::ff,Kestrel',
      ',203.0.113.30,2001:db9::1,Mixed',
      '10.0.0.0/40,,,Bad',
    ].join('\n');
    const { ranges, rejected } = parseIpRangeFile(parseCsv(csv));
    expect(ranges.map((r) => r.companyName)).toEqual(['Brightwell', 'Vantorel', 'Kestrel']);
    expect(rejected.map((r) => r.line)).toEqual([5, 6]);
    expect(rejected[0]?.reason).toBe('not an IP range (give cidr like 203.0.113.0/24 or 2001:db8::/32, or start_ip ≤ end_ip of one family)');
  });
});
