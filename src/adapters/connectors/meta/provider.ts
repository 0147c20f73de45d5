/** Meta settings as data (STYLE.md §3.3). Source: ../shared/reference/meta.md (sections cited). */
export const META = {
  channel: 'meta',
  displayName: 'Meta',
  /** §1: the segmentio connector pins v24.0; any vNN.0 works. */
  apiVersion: 'v24.0',
  apiBaseUrl: 'https://graph.facebook.com',
  authBaseUrl: 'https://www.facebook.com',
  scopes: ['ads_management', 'business_management'],
  /** §3: at most 10,000 rows per request. */
  maxMembersPerRequest: 10_000,
  maxRemovalsPerRequest: 5_000,
  /** §2: customer-file audiences. */
  customerFileSource: 'USER_PROVIDED_ONLY',
  /** §5: throttling codes: waits, not failures. */
  rateLimitCodes: [4, 17, 32, 613, 80003, 80004],
  /** §5: an expired or invalid token (HTTP 400, not 401). 102: session key invalid. */
  tokenCodes: [190, 102],
  /** 460: password changed, 458/459: app removed or checkpoint: the login was revoked rather than expired. */
  revokedSubcodes: [458, 459, 460],
  deletedAudienceCodes: [1487366],
  termsNotAcceptedSubcodes: [1870090],
  permissionCodes: [10, 200, 294, 1487301],
  requestTimeoutMs: 60_000,
  maxOutageRetries: 3,
} as const;

export function graphPath(suffix: string): string {
  return `/${META.apiVersion}${suffix}`;
}

/** The token endpoint lives on the Graph host; the login dialog on www (the emulator serves both). */
export function metaTokenBase(authBaseUrl: string): string {
  return authBaseUrl === META.authBaseUrl ? META.apiBaseUrl : authBaseUrl;
}
