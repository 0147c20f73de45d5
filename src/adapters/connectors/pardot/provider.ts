/** Pardot (Account Engagement) settings as data (STYLE.md §3.3). Source: ../shared/reference/pardot.md (sections cited). */
export const PARDOT = {
  provider: 'pardot',
  displayName: 'Pardot',
  /** §1: the Salesforce login; §2: the Pardot API hosts. */
  loginUrls: { production: 'https://login.salesforce.com', sandbox: 'https://test.salesforce.com' },
  apiHosts: { production: 'https://pi.pardot.com', sandbox: 'https://pi.demo.pardot.com' },
  authorizePath: '/services/oauth2/authorize',
  tokenPath: '/services/oauth2/token',
  scopes: ['pardot_api', 'refresh_token'],
  businessUnitHeader: 'Pardot-Business-Unit-Id',
  /** §2: v5 has no batch update: one PATCH per prospect. batchUpdate takes this many and sends them one by one. */
  batchUpdateMax: 50,
  /** v5 query pages hold at most 1,000 records. */
  listPageMax: 1_000,
  /** §3: Plus edition. */
  providerDailyQuota: 50_000,
  /** §3 body codes (the HTTP status is unknown: classify by the code). */
  concurrencyCode: 66,
  dailyLimitCode: 122,
  concurrencyWaitMs: 1_000,
  /** §1: concurrent refreshes with one refresh token fail transiently with these descriptions. */
  transientRefreshErrors: ['token request is already being processed', 'expired authorization code'],
  /** Standard prospect fields enrichment may write (custom fields come from /objects/custom-fields). */
  standardFields: [
    { name: 'company', label: 'Company', maxLength: 255 },
    { name: 'website', label: 'Website', maxLength: 255 },
    { name: 'country', label: 'Country', maxLength: 255 },
  ],
  /** Custom field types → our kinds and lengths (Text 255, TextArea 65,535 characters). */
  customFieldTypes: {
    Text: { kind: 'string', maxLength: 255 },
    TextArea: { kind: 'text', maxLength: 65_535 },
    Number: { kind: 'number', maxLength: undefined },
    Date: { kind: 'date', maxLength: undefined },
  } as Readonly<Record<string, { kind: 'string' | 'text' | 'number' | 'date'; maxLength: number | undefined }>>,
  recordFields: ['id', 'email', 'company', 'website', 'updatedAt'],
  maxTransientRetries: 3,
  requestTimeoutMs: 30_000,
  objects: [{ name: 'prospect', label: 'Prospects', isDefault: true }],
} as const;
