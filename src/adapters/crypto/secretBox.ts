import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (OAuth tokens, client secrets). A sealed value is
 * `v1.<iv base64url>.<tag base64url>.<ciphertext base64url>`: a fresh 12-byte IV per value, and the GCM tag makes a
 * tampered or wrongly-keyed value fail to open instead of yielding garbage.
 */
export interface SecretBox {
  seal(plainText: string): string;
  open(sealed: string): string;
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

const VERSION = 'v1';
const IV_BYTES = 12;

/** The key is 32 bytes as base64 (44 characters) or 64 hex characters, as Config.secretKey holds it. */
export function parseSecretKey(key: string): Buffer {
  const trimmed = key.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32) throw new SecretBoxError('The secret key must be 32 bytes: base64 (44 characters) or 64 hex characters.');
  return bytes;
}

export function createSecretBox(key: string): SecretBox {
  const keyBytes = parseSecretKey(key);
  return {
    seal(plainText) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyBytes, iv);
      const cipherText = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), cipherText.toString('base64url')].join('.');
    },
    open(sealed) {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('Not a sealed secret.');
      const [, ivText, tagText, cipherText] = parts as [string, string, string, string];
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyBytes, Buffer.from(ivText, 'base64url'));
        decipher.setAuthTag(Buffer.from(tagText, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(cipherText, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        // Never echo the value or the key; a wrong key and a tampered value look the same.
        throw new SecretBoxError('A stored secret could not be decrypted: wrong OPENABM_SECRET_KEY or tampered data.');
      }
    },
  };
}

/** A fresh key in the shape Config expects (sandbox mode generates one and keeps it in the data dir). */
export function generateSecretKey(): string {
  return randomBytes(32).toString('base64');
}
