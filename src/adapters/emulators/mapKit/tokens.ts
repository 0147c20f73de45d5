import { randomBytes } from 'node:crypto';
import type { EmulatorClock } from './quota';

interface AccessToken {
  readonly expiresAt: number;
  readonly subject: string;
}

/** Access and refresh tokens of a MAP emulator, on the injected clock. */
export class EmulatorTokenStore {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, string>();
  private readonly codes = new Map<string, string>();

  constructor(
    private readonly clock: EmulatorClock,
    private readonly prefix: string,
    public accessTtlSeconds: number,
  ) {}

  issueAccess(subject: string): { token: string; expiresIn: number } {
    const token = `${this.prefix}-${randomBytes(18).toString('base64url')}`;
    this.access.set(token, { subject, expiresAt: this.clock.now().getTime() + this.accessTtlSeconds * 1000 });
    return { token, expiresIn: this.accessTtlSeconds };
  }

  /** A fixed access token that lives as long as the others (sandbox output, SDK tests). */
  registerAccess(token: string, subject: string, ttlSeconds = this.accessTtlSeconds): void {
    this.access.set(token, { subject, expiresAt: this.clock.now().getTime() + ttlSeconds * 1000 });
  }

  registerRefresh(token: string, subject: string): void {
    this.refresh.set(token, subject);
  }

  issueRefresh(subject: string): string {
    const token = `${this.prefix}-r-${randomBytes(18).toString('base64url')}`;
    this.refresh.set(token, subject);
    return token;
  }

  issueCode(subject: string): string {
    const code = `${this.prefix}-c-${randomBytes(12).toString('base64url')}`;
    this.codes.set(code, subject);
    return code;
  }

  takeCode(code: string): string | undefined {
    const subject = this.codes.get(code);
    this.codes.delete(code);
    return subject;
  }

  /** 'valid' | 'expired' | 'unknown' for a bearer token. */
  check(token: string | undefined): 'valid' | 'expired' | 'unknown' {
    const entry = token ? this.access.get(token) : undefined;
    if (!entry) return 'unknown';
    return entry.expiresAt > this.clock.now().getTime() ? 'valid' : 'expired';
  }

  subjectOfRefresh(token: string): string | undefined {
    return this.refresh.get(token);
  }

  expireAllAccess(): void {
    for (const [token, entry] of this.access) this.access.set(token, { ...entry, expiresAt: 0 });
  }

  revokeAllRefresh(): void {
    this.refresh.clear();
  }
}

export function bearerOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.startsWith('Bearer ') ? value.slice('Bearer '.length).trim() : undefined;
}
