/**
 * Salesforce record ids: a 3-character key prefix (001 Account, 003 Contact, 00Q Lead, 00T Task, 005 User,
 * 00O Report, 00B ListView, 00D Organization), then the pod and a base-62 counter: 15 case-sensitive characters,
 * plus a 3-character case-insensitive checksum for the 18-character form the REST API returns.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export const keyPrefixes = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Task: '00T',
  User: '005',
  Report: '00O',
  ListView: '00B',
  Organization: '00D',
  Opportunity: '006',
  QueryLocator: '01g',
} as const;

export function toId18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let position = 0; position < 5; position++) {
      const char = id15.charAt(chunk * 5 + position);
      if (char >= 'A' && char <= 'Z') flags |= 1 << position;
    }
    suffix += SUFFIX.charAt(flags);
  }
  return id15 + suffix;
}

/** The 15-character form of a 15- or 18-character id (ids in SOQL filters and URLs may be either). */
export function toId15(id: string): string {
  return id.slice(0, 15);
}

export function isIdShaped(value: string): boolean {
  return /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value);
}

/** Deterministic id number `counter` for a prefix: `001` + `5g00000` + 5 base-62 digits, checksum appended. */
export function makeId(prefix: string, counter: number): string {
  let digits = '';
  let rest = counter;
  for (let i = 0; i < 5; i++) {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  }
  return toId18(`${prefix}5g00000${digits}`);
}

/** Formats a Date the way the REST API returns datetimes: `2024-05-01T10:20:30.000+0000`. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** Java `Date.toString()` in GMT, as list view results print datetimes: `Thu Jun 21 17:39:11 GMT 2018`. */
export function formatJavaDate(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} GMT ${date.getUTCFullYear()}`;
}
