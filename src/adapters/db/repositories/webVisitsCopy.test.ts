import { describe, expect, it } from 'vitest';
import { copyTimestamp, visitsCopyData, visitsCopyText, type VisitRow } from './webVisits';

describe('web visits in COPY text format', () => {
  it('writes the time as toISOString would, for any millisecond', () => {
    const times = [0, 999, 1000, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 7), Date.UTC(2026, 11, 31, 0, 0, 0, 50)];
    for (let index = 0; index < 2_000; index += 1) times.push(Math.floor(Math.random() * 4_102_444_800_000));
    for (const time of times) expect(copyTimestamp(time)).toBe(new Date(time).toISOString().replace('T', ' ').replace('Z', '+00'));
  });

  it('escapes COPY’s separators and escape character, writes \\N for NULL, and never a NUL', () => {
    const text = visitsCopyText([
      { orgId: 'o', visitorId: 'v', url: 'https://a.test/x\\y?t=\t&n=\n&r=\r', page: 'a.test/x\\y', referrer: null, visitedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), companyId: 'c\u0000d' },
      { orgId: 'o', visitorId: 'w', url: 'https://a.test/', page: 'a.test/', referrer: 'https://r.test/\\N', visitedAt: new Date(0), companyId: null },
    ]);
    expect(text).toBe(
      'o\tv\thttps://a.test/x\\\\y?t=\\t&n=\\n&r=\\r\ta.test/x\\\\y\t\\N\t2026-01-02 03:04:05.006+00\tc\uFFFDd\n' +
        'o\tw\thttps://a.test/\ta.test/\thttps://r.test/\\\\N\t1970-01-01 00:00:00.000+00\t\\N\n',
    );
  });

  it('writes the same bytes into a buffer as the text encoded, past its first size and with characters of every width', () => {
    const rows: VisitRow[] = [];
    for (let index = 0; index < 40; index += 1) {
      const wide = index % 3 === 0 ? 'é'.repeat(300) : index % 3 === 1 ? '漢字\u{1F600}'.repeat(200) : 'x';
      rows.push({ orgId: 'o', visitorId: `v${index}`, url: `https://a.test/${wide}\t`, page: `a.test/${wide}`, referrer: index % 2 ? null : `https://r.test/${wide}`, visitedAt: new Date(index), companyId: index % 5 ? null : 'c' });
    }
    for (const batch of [rows, rows.slice(0, 1), []]) expect(visitsCopyData(batch).equals(Buffer.from(visitsCopyText(batch), 'utf8'))).toBe(true);
  });
});
