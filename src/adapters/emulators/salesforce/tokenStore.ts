import { createHmac, randomBytes } from 'node:crypto';

/** The emulator's connected app and OAuth sessions: authorization codes, refresh tokens and access tokens. */
export interface ConnectedApp {
  readonly clientId: string;
  readonly clientSecret: string;
}

interface AccessSession {
  readonly userId: string;
  readonly refreshToken: string | undefined;
  readonly issuedAtMs: number;
  isValid: boolean;
}

interface AuthorizationCode {
  readonly userId: string;
  readonly redirectUri: string;
  readonly expiresAtMs: number;
}

export type TokenGrantError = { error: string; errorDescription: string };

export class TokenStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  /** refresh token → user id; removed when revoked or rotated. */
  private readonly refreshTokens = new Map<string, string>();
  private readonly accessTokens = new Map<string, AccessSession>();

  constructor(
    readonly app: ConnectedApp,
    private readonly orgId: string,
    private readonly now: () => Date,
    readonly sessionTimeoutMs: number,
  ) {}

  issueRefreshToken(userId: string, token = `5Aep861${randomBytes(30).toString('base64url')}`): string {
    this.refreshTokens.set(token, userId);
    return token;
  }

  issueAuthorizationCode(userId: string, redirectUri: string): string {
    const code = `aPrx${randomBytes(24).toString('base64url')}`;
    // Authorization codes are valid for 15 minutes (Salesforce OAuth web server flow).
    this.codes.set(code, { userId, redirectUri, expiresAtMs: this.now().getTime() + 15 * 60_000 });
    return code;
  }

  /** Consumes a code: valid once, for the redirect URI it was issued to. */
  redeemAuthorizationCode(code: string, redirectUri: string | undefined): string | TokenGrantError {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    if (!entry || entry.expiresAtMs < this.now().getTime()) return { error: 'invalid_grant', errorDescription: 'expired authorization code' };
    if (redirectUri !== entry.redirectUri) return { error: 'redirect_uri_mismatch', errorDescription: 'redirect_uri must match configuration' };
    return entry.userId;
  }

  userForRefreshToken(refreshToken: string): string | undefined {
    return this.refreshTokens.get(refreshToken);
  }

  issueAccessToken(userId: string, refreshToken: string | undefined): { accessToken: string; issuedAtMs: number } {
    const accessToken = `${this.orgId.slice(0, 15)}!AQ${randomBytes(48).toString('base64url')}`;
    const issuedAtMs = this.now().getTime();
    this.accessTokens.set(accessToken, { userId, refreshToken, issuedAtMs, isValid: true });
    return { accessToken, issuedAtMs };
  }

  /** The user of a live access token; undefined when unknown, revoked or past the session timeout. */
  userForAccessToken(accessToken: string): string | undefined {
    const session = this.accessTokens.get(accessToken);
    if (!session || !session.isValid) return undefined;
    if (this.now().getTime() - session.issuedAtMs >= this.sessionTimeoutMs) return undefined;
    return session.userId;
  }

  /** Rotation: the old refresh token stops working, a new one is returned. */
  rotateRefreshToken(oldToken: string): string {
    const userId = this.refreshTokens.get(oldToken);
    this.refreshTokens.delete(oldToken);
    return this.issueRefreshToken(userId ?? '');
  }

  /** Revoking a refresh token also ends the sessions issued from it; revoking an access token ends that one. */
  revoke(token: string): boolean {
    if (this.refreshTokens.delete(token)) {
      for (const session of this.accessTokens.values()) if (session.refreshToken === token) session.isValid = false;
      return true;
    }
    const session = this.accessTokens.get(token);
    if (!session) return false;
    session.isValid = false;
    return true;
  }

  /** Every current access token stops working (session timeout reached); refresh tokens stay valid. */
  expireAllAccessTokens(): void {
    for (const session of this.accessTokens.values()) session.isValid = false;
  }

  /** Every refresh token is revoked (admin revoke, "immediately expire refresh token" policy) with its sessions. */
  revokeAllRefreshTokens(): void {
    this.refreshTokens.clear();
    this.expireAllAccessTokens();
  }

  /** Base64 HMAC-SHA256 of `id + issued_at` keyed with the client secret, as the token response's `signature`. */
  sign(identityUrl: string, issuedAtMs: number): string {
    return createHmac('sha256', this.app.clientSecret).update(`${identityUrl}${issuedAtMs}`).digest('base64');
  }
}
