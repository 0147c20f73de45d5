import { parse } from 'tldts';

// Values CRM users type when they have no website.
const placeholderValues = new Set(['', 'n/a', 'na', 'none', 'null', 'nil', '-', '--', 'unknown', 'tbd', 'not available', 'no website', '0']);

/**
 * The registrable domain ("example.co.uk") of a website, URL, host name or e-mail address, or null when there is
 * none: "HTTPS://WWW.Example.co.uk/about?x=1" → "example.co.uk", "jane.doe@mail.example.com" → "example.com".
 * IP addresses, private names (localhost, intranet) and text without a public suffix give null. Never throws.
 */
export function normalizeDomain(input: string | null | undefined): string | null {
  return normalize(input, true);
}

/**
 * normalizeDomain without remembering the answer: for a master's companies, whose domains are all different (a
 * cache there only costs: +0.5 s of CPU building a 1M-company index).
 */
export function normalizeMasterDomain(input: string | null | undefined): string | null {
  return normalize(input, false);
}

function normalize(input: string | null | undefined, isRemembered: boolean): string | null {
  if (input === null || input === undefined) return null;
  let text = input.trim().toLowerCase();
  if (placeholderValues.has(text)) return null;
  // Already a bare host name ("acme.com", as master files hold them): none of the clean-up below would change it.
  if (!bareHostName.test(text)) {
    // A list of sites ("a.com; b.com"): the first one is the company's main site.
    text = text.split(/[\s,;|]+/).find((part) => part.length > 0) ?? '';
    text = text.replace(/^mailto:/, '');
    const at = text.lastIndexOf('@');
    if (at >= 0) text = text.slice(at + 1);
    // Trailing dots, brackets and quotes from copy-pasting.
    text = text.replace(/^[<("'[]+|[>)"'\].]+$/g, '');
  }
  if (text.length === 0 || text.length > 2048) return null;
  let domain = isRemembered ? registrableDomains.get(text) : undefined;
  if (domain === undefined) {
    const result = parse(text, parseOptions);
    domain = result.isIp || !result.isIcann || result.domain === null ? null : result.domain;
    if (isRemembered) {
      if (registrableDomains.size >= maxRemembered) registrableDomains.clear();
      registrableDomains.set(text, domain);
    }
  }
  return domain;
}

/**
 * Host names already parsed and their registrable domain (null: none): a list repeats its mail providers
 * ("gmail.com") and its companies' sites, and parsing one costs about as much as the rest of a row's preparation.
 */
const registrableDomains = new Map<string, string | null>();
const maxRemembered = 20_000;

const bareHostName = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
const parseOptions = { allowPrivateDomains: false, extractHostname: true, validateHostname: true } as const;

/** The domain without its public suffix ("acme-labs.co.uk" → "acme-labs"), used to compare a domain with a name. */
export function domainLabel(domain: string): string {
  const firstDot = domain.indexOf('.');
  return firstDot < 0 ? domain : domain.slice(0, firstDot);
}
