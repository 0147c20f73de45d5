import { randomBytes } from 'node:crypto';

/**
 * OAuth 2.0 state shared by the ad-channel emulators (wire-independent: each provider's oauthRoutes.ts speaks its
 * own token endpoint): authorization codes, access tokens with a lifetime, refresh tokens with an absolute expiry
 * that refreshing does not extend (LinkedIn's yearly re-authentication), revocation.
 */
export interface OAuthApp {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface TokenLifetimes {
  readonly accessTtlMs: number;
  /** Undefined: refresh tokens never expire (Google); no refresh tokens at all when `hasRefreshTokens` is false. */
  readonly refreshTtlMs?: number;
}

interface AccessGrant {
  readonly userId: string;
  readonly scope: string;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  readonly refreshToken: string | undefined;
  isRevoked: boolean;
}

interface RefreshGrant {
  readonly userId: string;
  readonly scope: string;
  readonly expiresAtMs: number | undefined;
  isRevoked: boolean;
}

export type AccessCheck =
  | { readonly isValid: true; readonly userId: string; readonly scope: string; readonly issuedAtMs: number; readonly expiresAtMs: number }
  | { readonly isValid: false; readonly reason: 'unknown' | 'expired' | 'revoked' };

export type RefreshResult =
  | { readonly isValid: true; readonly userId: string; readonly scope: string; readonly expiresAtMs: number | undefined }
  | { readonly isValid: false; readonly reason: 'unknown' | 'expired' | 'revoked' };

export interface IssuedTokens {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
  readonly refreshToken: string | undefined;
  readonly refreshExpiresInSeconds: number | undefined;
  readonly scope: string;
}

export class OAuthTokenStore {
  private readonly codes = new Map<string, { userId: string; redirectUri: string; scope: string; expiresAtMs: number }>();
  private readonly accessTokens = new Map<string, AccessGrant>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();

  constructor(
    readonly app: OAuthApp,
    readonly lifetimes: TokenLifetimes,
    private readonly nowMs: () => number,
    private readonly tokenPrefix: string,
  ) {}

  issueAuthorizationCode(userId: string, redirectUri: string, scope: string): string {
    const code = `${this.tokenPrefix}code_${randomBytes(18).toString('base64url')}`;
    this.codes.set(code, { userId, redirectUri, scope, expiresAtMs: this.nowMs() + 10 * 60_000 });
    return code;
  }

  /** Consumes a code (valid once, for the redirect URI it was issued to, for 10 minutes). */
  redeemAuthorizationCode(code: string, redirectUri: string | undefined): { userId: string; scope: string } | undefined {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    if (!entry || entry.expiresAtMs < this.nowMs() || entry.redirectUri !== redirectUri) return undefined;
    return { userId: entry.userId, scope: entry.scope };
  }

  /** New access token (and refresh token unless `refreshToken` is passed: then the access token hangs off it). */
  issue(userId: string, scope: string, options: { refreshToken?: string; accessToken?: string; accessTtlMs?: number; withRefreshToken?: boolean } = {}): IssuedTokens {
    const now = this.nowMs();
    let refreshToken = options.refreshToken;
    if (!refreshToken && options.withRefreshToken !== false) {
      refreshToken = `${this.tokenPrefix}rt_${randomBytes(30).toString('base64url')}`;
      this.seedRefreshToken(refreshToken, userId, scope);
    }
    const accessToken = options.accessToken ?? `${this.tokenPrefix}${randomBytes(36).toString('base64url')}`;
    const accessTtlMs = options.accessTtlMs ?? this.lifetimes.accessTtlMs;
    this.accessTokens.set(accessToken, { userId, scope, issuedAtMs: now, expiresAtMs: now + accessTtlMs, refreshToken, isRevoked: false });
    const refreshExpiresAtMs = refreshToken ? this.refreshTokens.get(refreshToken)?.expiresAtMs : undefined;
    return {
      accessToken,
      expiresInSeconds: Math.floor(accessTtlMs / 1000),
      refreshToken,
      refreshExpiresInSeconds: refreshExpiresAtMs === undefined ? undefined : Math.max(0, Math.floor((refreshExpiresAtMs - now) / 1000)),
      scope,
    };
  }

  /** Registers a known refresh token (the demo user's, printed by `openabm sandbox`). */
  seedRefreshToken(token: string, userId: string, scope: string): void {
    const ttl = this.lifetimes.refreshTtlMs;
    this.refreshTokens.set(token, { userId, scope, expiresAtMs: ttl === undefined ? undefined : this.nowMs() + ttl, isRevoked: false });
  }

  checkAccessToken(token: string | undefined): AccessCheck {
    const grant = token ? this.accessTokens.get(token) : undefined;
    if (!grant) return { isValid: false, reason: 'unknown' };
    if (grant.isRevoked) return { isValid: false, reason: 'revoked' };
    if (grant.expiresAtMs <= this.nowMs()) return { isValid: false, reason: 'expired' };
    return { isValid: true, userId: grant.userId, scope: grant.scope, issuedAtMs: grant.issuedAtMs, expiresAtMs: grant.expiresAtMs };
  }

  checkRefreshToken(token: string | undefined): RefreshResult {
    const grant = token ? this.refreshTokens.get(token) : undefined;
    if (!grant) return { isValid: false, reason: 'unknown' };
    if (grant.isRevoked) return { isValid: false, reason: 'revoked' };
    if (grant.expiresAtMs !== undefined && grant.expiresAtMs <= this.nowMs()) return { isValid: false, reason: 'expired' };
    return { isValid: true, userId: grant.userId, scope: grant.scope, expiresAtMs: grant.expiresAtMs };
  }

  /** Revokes one token (access or refresh; a refresh token takes its access tokens with it). */
  revoke(token: string): boolean {
    const refresh = this.refreshTokens.get(token);
    if (refresh) {
      refresh.isRevoked = true;
      for (const grant of this.accessTokens.values()) if (grant.refreshToken === token) grant.isRevoked = true;
      return true;
    }
    const access = this.accessTokens.get(token);
    if (!access) return false;
    access.isRevoked = true;
    return true;
  }

  /** Every current access token has passed its lifetime; refresh tokens still work. */
  expireAllAccessTokens(): void {
    const past = this.nowMs() - 1;
    for (const [token, grant] of this.accessTokens) this.accessTokens.set(token, { ...grant, expiresAtMs: Math.min(grant.expiresAtMs, past) });
  }

  /** Every refresh token has reached its absolute expiry (LinkedIn's yearly re-authentication), access tokens too. */
  expireAllRefreshTokens(): void {
    const past = this.nowMs() - 1;
    for (const [token, grant] of this.refreshTokens) this.refreshTokens.set(token, { ...grant, expiresAtMs: past });
    this.expireAllAccessTokens();
  }

  /** The user (or an admin) revoked the app: every token stops working. */
  revokeAll(): void {
    for (const grant of this.refreshTokens.values()) grant.isRevoked = true;
    for (const grant of this.accessTokens.values()) grant.isRevoked = true;
  }
}
