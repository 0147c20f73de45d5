import fc from 'fast-check';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { domainLabel, normalizeDomain } from './normalizeDomain';

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

describe('domainLabel', () => {
  it('drops the public suffix', () => {
    expect(domainLabel('acme-labs.co.uk')).toBe('acme-labs');
    expect(domainLabel('northwind.com')).toBe('northwind');
  });
});
