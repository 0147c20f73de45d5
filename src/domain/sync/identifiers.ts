import { sha256Hex } from './sha256';

/**
 * People identifiers for customer-list audiences (Google, Meta), normalised and SHA-256 hashed as each contract says
 * (../shared/reference/meta.md §4, google-ads.md §1 and §6). One person → one record holding that person's own
 * identifiers only; a person whose identifiers all fail normalisation is a rejected row, never a failed batch.
 */
export type HashingContract = 'meta' | 'google';

export interface PersonInput {
  readonly email: string | null | undefined;
  readonly phone: string | null | undefined;
  /** ISO 3166 alpha-2 of the person (or their account), for phones written without a country code. */
  readonly country: string | null | undefined;
}

export interface HashedPerson {
  readonly emailSha256: string | undefined;
  readonly phoneSha256: string | undefined;
}

export type PersonOutcome = { readonly ok: true; readonly person: HashedPerson } | { readonly ok: false; readonly reason: string };

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** Calling codes for phones written nationally (trunk "0" dropped). Countries not listed need a "+" number. */
const CALLING_CODES: Readonly<Record<string, string>> = {
  US: '1', CA: '1', GB: '44', IE: '353', FR: '33', DE: '49', NL: '31', BE: '32', LU: '352', ES: '34', PT: '351', IT: '39',
  CH: '41', AT: '43', SE: '46', NO: '47', DK: '45', FI: '358', PL: '48', CZ: '420', AU: '61', NZ: '64', IN: '91', JP: '81',
  SG: '65', BR: '55', MX: '52', ZA: '27', IL: '972', AE: '971',
};

export { sha256Hex };

/** True for a value that is already a SHA-256 hex digest: it is passed on lowercased, never hashed again. */
export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value.trim());
}

/** Meta: trim + lowercase. Google (Data Manager): also every inner space, and the dots of a Gmail local part. */
export function normaliseEmail(raw: string, contract: HashingContract): string | undefined {
  let email = raw.trim().toLowerCase();
  if (contract === 'google') email = email.replace(/\s+/g, '');
  const at = email.indexOf('@');
  if (at < 1 || at !== email.lastIndexOf('@') || at === email.length - 1 || /\s/.test(email)) return undefined;
  const domain = email.slice(at + 1);
  if (!domain.includes('.')) return undefined;
  if (contract === 'google' && (domain === 'gmail.com' || domain === 'googlemail.com')) {
    // Every dot, not only the first (a bug seen in a public connector).
    email = `${email.slice(0, at).replaceAll('.', '')}@${domain}`;
  }
  return email;
}

/**
 * E.164 digits. Meta wants digits only with the country code and no "+"; Google wants "+<digits>".
 * National numbers take the country's calling code; without one the phone is unusable (undefined).
 */
export function normalisePhone(raw: string, country: string | null | undefined, contract: HashingContract): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const isInternational = text.startsWith('+') || text.startsWith('00');
  let digits = text.replace(/\D+/g, '');
  if (text.startsWith('00')) digits = digits.slice(2);
  if (!isInternational) {
    const code = country ? CALLING_CODES[country.trim().toUpperCase()] : undefined;
    if (!code) return undefined;
    const national = digits.replace(/^0+/, '');
    // A North American number may already carry its leading 1.
    digits = code === '1' && national.length === 11 && national.startsWith('1') ? national : `${code}${national}`;
  }
  digits = digits.replace(/^0+/, '');
  // E.164: at most 15 digits; fewer than 8 cannot be a full international number.
  if (digits.length < 8 || digits.length > 15) return undefined;
  return contract === 'google' ? `+${digits}` : digits;
}

function hashOrPass(value: string | null | undefined, normalise: (raw: string) => string | undefined): string | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  if (isSha256Hex(value)) return value.trim().toLowerCase();
  const normalised = normalise(value);
  return normalised === undefined ? undefined : sha256Hex(normalised);
}

/** One person's record for the channel, or why it cannot be sent. */
export function hashPerson(input: PersonInput, contract: HashingContract): PersonOutcome {
  const emailSha256 = hashOrPass(input.email, (raw) => normaliseEmail(raw, contract));
  const phoneSha256 = hashOrPass(input.phone, (raw) => normalisePhone(raw, input.country, contract));
  if (emailSha256 === undefined && phoneSha256 === undefined) {
    const hadAny = Boolean(input.email?.trim()) || Boolean(input.phone?.trim());
    return { ok: false, reason: hadAny ? 'The e-mail address and phone number are not valid after normalisation.' : 'The person has no e-mail address or phone number.' };
  }
  return { ok: true, person: { emailSha256, phoneSha256 } };
}
