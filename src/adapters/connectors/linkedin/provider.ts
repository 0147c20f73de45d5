/** LinkedIn settings as data (STYLE.md §3.3). Source: ../shared/reference/linkedin.md (sections cited). */
export const LINKEDIN = {
  channel: 'linkedin',
  displayName: 'LinkedIn',
  /** §1 base and headers; the segmentio connector pins 202604. */
  apiBaseUrl: 'https://api.linkedin.com',
  restPrefix: '/rest',
  apiVersion: '202604',
  restliProtocolVersion: '2.0.0',
  /** §2 OAuth. */
  authBaseUrl: 'https://www.linkedin.com',
  authorizePath: '/oauth/v2/authorization',
  tokenPath: '/oauth/v2/accessToken',
  scopes: ['r_ads', 'rw_dmp_segments'],
  /** §4: up to 5,000 elements per request (third-party figure). */
  maxMembersPerRequest: 5_000,
  /** Large removals are chunked smaller (issue 9: "large removals in one request (chunk them)"). */
  maxRemovalsPerRequest: 1_000,
  /** §3: our sourcePlatform for dmpSegments (free text is not confirmed; the segmentio connector sends its own name). */
  sourcePlatform: 'OPENABM',
  /** Product: only these roles may sync ("Owner, Campaign Manager or Account Manager"); VIEWER and CREATIVE_MANAGER may not. */
  managingRoles: ['ACCOUNT_BILLING_ADMIN', 'OWNER', 'ACCOUNT_MANAGER', 'CAMPAIGN_MANAGER'],
  /**
   * Field limits for company elements. The reference gives none; these are LinkedIn's company page name limit (100)
   * and DNS/URL maxima. A longer value is dropped, never truncated.
   */
  fieldLimits: { companyName: 100, companyWebsiteDomain: 253, companyPageUrl: 255 },
  /** §6: statuses the segmentio connector retries. 404 on /companies just after creation is handled apart (§3). */
  retryableStatuses: [408, 409, 423, 429, 500, 502, 503, 504],
  requestTimeoutMs: 60_000,
  maxOutageRetries: 3,
} as const;

export function restPath(suffix: string): string {
  return `${LINKEDIN.restPrefix}${suffix}`;
}

export function sponsoredAccountUrn(adAccountId: string): string {
  return `urn:li:sponsoredAccount:${adAccountId}`;
}
