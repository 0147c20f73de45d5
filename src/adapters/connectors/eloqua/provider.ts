/** Eloqua settings as data (STYLE.md §3.3). Source: ../shared/reference/eloqua.md (sections cited). */
export const ELOQUA = {
  provider: 'eloqua',
  displayName: 'Eloqua',
  /** §1: login host for OAuth and base URL discovery. */
  loginUrls: { production: 'https://login.eloqua.com' },
  authorizePath: '/auth/oauth2/authorize',
  tokenPath: '/auth/oauth2/token',
  idPath: '/id',
  restPath: '/api/REST/1.0',
  /** §2: one PUT per contact; batchUpdate takes this many and sends them one by one. */
  batchUpdateMax: 50,
  listPageMax: 1_000,
  /** §3: no published quota. */
  providerDailyQuota: undefined,
  /** Issue 10 decisions: text 100 characters, large text 32,000. */
  maxLengthByDataType: { text: 100, largeText: 32_000, emailAddress: 400 } as Readonly<Record<string, number>>,
  kindByDataType: { text: 'string', largeText: 'text', emailAddress: 'email', number: 'number', date: 'date' } as Readonly<Record<string, 'string' | 'text' | 'email' | 'number' | 'date'>>,
  /** Without Retry-After, wait this long on a 429 (backoff grows per attempt in the call loop). */
  maxTransientRetries: 3,
  requestTimeoutMs: 30_000,
  /** Eloqua credential policies (the customer's setting): the Basic password may expire every 90 days. */
  passwordLifetimeDays: 90,
  objects: [{ name: 'contact', label: 'Contacts', isDefault: true }],
} as const;
