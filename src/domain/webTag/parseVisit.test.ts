import { describe, expect, it } from 'vitest';
import { isBotUserAgent, pageOf, parseVisitBeacon } from './parseVisit';

const now = new Date('2026-03-03T10:00:00Z');
const key = 'k'.repeat(24);

describe('parseVisitBeacon', () => {
  it('accepts a beacon and keeps the client time within a day', () => {
    const parsed = parseVisitBeacon(JSON.stringify({ k: key, v: 'visitor-1234', u: 'https://Example.com/pricing?x=1', r: 'https://google.com/', t: now.getTime() - 1000 }), now);
    expect(parsed).toEqual({ ok: true, beacon: { tagKey: key, visitorId: 'visitor-1234', url: 'https://Example.com/pricing?x=1', page: 'example.com/pricing', referrer: 'https://google.com/', visitedAt: new Date(now.getTime() - 1000) } });
  });
  it.each([
    ['not json', '{', 'The beacon is not JSON.'],
    ['no key', JSON.stringify({ v: 'visitor-1234', u: 'https://a.com/' }), 'k (tag key) is missing or malformed.'],
    ['bad visitor', JSON.stringify({ k: key, v: 'x', u: 'https://a.com/' }), 'v (visitor id) is missing or malformed.'],
    ['ftp url', JSON.stringify({ k: key, v: 'visitor-1234', u: 'ftp://a.com/' }), 'u (page URL) is not an http(s) URL.'],
  ])('rejects %s', (_title, body, error) => {
    expect(parseVisitBeacon(body, now)).toEqual({ ok: false, error });
  });
  it('uses the server time for a client clock far off', () => {
    const parsed = parseVisitBeacon({ k: key, v: 'visitor-1234', u: 'https://a.com', t: 0 }, now);
    expect(parsed.ok && parsed.beacon.visitedAt).toEqual(now);
  });
});

it.each([
  ['https://a.com', 'a.com/'],
  ['http://A.com:80/x/y?q#f', 'a.com/x/y'],
  ['javascript:alert(1)', undefined],
])('pageOf(%s) = %s', (url, page) => expect(pageOf(url)).toBe(page));

it.each([
  ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36', false],
  ['Mozilla/5.0 (compatible; Googlebot/2.1)', true],
  ['Mozilla/5.0 HeadlessChrome/120', true],
  ['curl/8.0', true],
  [undefined, true],
])('isBotUserAgent(%s) = %s', (ua, expected) => expect(isBotUserAgent(ua)).toBe(expected));
