import fc from 'fast-check';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { domainLabel, isPlainHostName, normalizeDomain, normalizeMasterDomain } from './normalizeDomain';

describe('normalizeDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['HTTPS://WWW.Example.co.uk/about?x=1#team', 'example.co.uk'],
    ['http://elinemedia.com/about-us', 'elinemedia.com'],
    ['www.possibilityspace.com', 'possibilityspace.com'],
    ['HURRICANEPARTY.COM', 'hurricaneparty.com'],
    ['shop.eu.acme-labs.de', 'acme-labs.de'],
    ['jane.doe@mail.example.com', 'example.com'],
    ['mailto:Sales@Kestrel.io', 'kestrel.io'],
    ['  <https://northwind.com.au/>  ', 'northwind.com.au'],
    ['example.com.', 'example.com'],
    ['acme.com; acme.co.uk', 'acme.com'],
    ['https://acme.com:8443/login', 'acme.com'],
    ['foo.blogspot.com', 'blogspot.com'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each(['', '  ', 'n/a', 'None', '-', 'localhost', 'intranet', '10.0.0.1', 'http://192.168.1.20/x', 'not a domain', 'acme', null, undefined])(
    'gives null for %s',
    (input) => {
      expect(normalizeDomain(input)).toBeNull();
    },
  );

  it('gives a registrable domain (its own normal form) or null for any string, without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.emailAddress(), fc.domain()), (input) => {
        const domain = normalizeDomain(input);
        if (domain === null) return true;
        return parse(domain).domain === domain && normalizeDomain(domain) === domain && domain === domain.toLowerCase();
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same domain in a URL, a www host and an e-mail address', () => {
    fc.assert(
      fc.property(fc.domain(), (host) => {
        const domain = normalizeDomain(host);
        if (domain === null) return true;
        return normalizeDomain(`https://www.${host}/path?q=1`) === domain && normalizeDomain(`someone@${host}`) === domain;
      }),
    );
  });
});

describe('normalizeMasterDomain', () => {
  // Its plain-host-name path skips the clean-up and tldts's URL extraction and validation: the same answers.
  const hostCharacters = fc.constantFrom(...'abcxyz019-.'.split(''), 'co', 'uk', 'com', 'jp', 'kawasaki', 'city', 'ck', 'www', 'xn--', 'A', '_', ' ');
  const hostLike = fc.array(hostCharacters, { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));
  const longLabels = fc.tuple(fc.integer({ min: 60, max: 66 }), fc.constantFrom('com', 'de', 'co.uk')).map(([length, suffix]) => `${'a'.repeat(length)}.${suffix}`);

  it('gives what normalizeDomain gives, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(hostLike, longLabels, fc.domain(), fc.string(), fc.webUrl(), fc.emailAddress()), (input) => normalizeMasterDomain(input) === normalizeDomain(input)),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['acme.com', 'acme.com'],
    ['shop.acme-labs.de', 'acme-labs.de'],
    ['northwind.co.uk', 'northwind.co.uk'],
    ['co.uk', null],
    ['foo.ck', null],
    ['www.ck', 'www.ck'],
    ['city.kawasaki.jp', 'city.kawasaki.jp'],
    ['a.b.kawasaki.jp', 'a.b.kawasaki.jp'],
    ['foo.blogspot.com', 'blogspot.com'],
    ['10.0.0.1', null],
    ['acme.c0m', null],
    [`${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`],
    [`${'a'.repeat(64)}.com`, null],
  ])('%s → %s, as normalizeDomain', (input, expected) => {
    expect(normalizeMasterDomain(input)).toBe(expected);
    expect(normalizeDomain(input)).toBe(expected);
  });

  it('takes the plain path only for host names tldts takes as they are', () => {
    for (const host of ['acme.com', 'a-b.c-d.de', '1.example.io', 'x.co.uk']) expect(isPlainHostName(host)).toBe(true);
    for (const text of ['acme', 'Acme.com', ' acme.com', 'acme.com.', '.acme.com', 'acme..com', '-acme.com', 'acme-.com', 'acme.-com', 'acme.com-', 'a_b.com', 'acme.123', '10.0.0.1', 'https://acme.com', 'ac me.com', `${'a'.repeat(64)}.com`, `${'a.'.repeat(127)}com`]) {
      expect(isPlainHostName(text), text).toBe(false);
    }
  });
});

describe('domainLabel', () => {
  it('drops the public suffix', () => {
    expect(domainLabel('acme-labs.co.uk')).toBe('acme-labs');
    expect(domainLabel('northwind.com')).toBe('northwind');
  });
});
