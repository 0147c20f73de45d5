import { createHash } from 'node:crypto';

/** Wire-independent identifier checks shared by the ad-channel emulators (each contract says which it needs). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A SHA-256 digest written as 64 lowercase hex characters (uppercase hex is refused: every contract says lowercase). */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

export function isSha512Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{128}$/.test(value);
}

/** A SHA-256 digest in standard Base64 (32 bytes → 44 characters ending in one `=`). */
export function isSha256Base64(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(value);
}

/** Base64 digest → hex, so members are stored one way whatever the request's encoding. */
export function base64ToHex(value: string): string {
  return Buffer.from(value, 'base64').toString('hex');
}

/**
 * The emulators' deterministic "does the channel know this person/company" rule: the first byte of the SHA-256 of
 * the stored key is even (about half of all keys). Tests compute the expected match count with the same rule.
 */
export function isMatchedKey(key: string): boolean {
  const firstByte = Number.parseInt(sha256Hex(key).slice(0, 2), 16);
  return firstByte % 2 === 0;
}
