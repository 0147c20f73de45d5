/** Marketo settings as data (STYLE.md §3.3). Source: ../shared/reference/marketo.md (sections cited). */
export const MARKETO = {
  provider: 'marketo',
  displayName: 'Marketo',
  /** §1: the instance's REST endpoint; the customer enters it (https://{munchkin}.mktorest.com). */
  loginUrls: { production: 'https://{munchkinId}.mktorest.com' },
  identityPath: '/identity/oauth/token',
  /** §2: at most 300 records per sync call; filterValues hold at most 300 values. */
  batchUpdateMax: 300,
  listPageMax: 300,
  /** §3: default daily quota. */
  providerDailyQuota: 50_000,
  /** §3 codes. */
  reauthCodes: ['601', '602'],
  rateLimitCodes: ['606', '615'],
  dailyQuotaCode: '607',
  /** §3: 100 calls per 20 seconds: wait a window on 606; 615 clears as soon as a call finishes. */
  rateLimitWaitMs: { '606': 20_000, '615': 1_000 } as Readonly<Record<string, number>>,
  /** Text areas hold about 30,000 bytes (issue 10 decisions); strings 255 characters (describe says so). */
  textAreaMaxBytes: 30_000,
  /**
   * Reading every lead: the REST leads endpoint needs a filter, so listRecords walks id windows of 300
   * (filterType=id) and stops after this many empty windows in a row (ids are dense; gaps come from deleted leads).
   */
  emptyWindowsBeforeEnd: 10,
  /** Fields read on every listed record (matching needs e-mail, company and website). */
  recordFields: ['id', 'email', 'company', 'website', 'updatedAt'],
  maxTransientRetries: 3,
  requestTimeoutMs: 30_000,
  objects: [{ name: 'lead', label: 'Leads', isDefault: true }],
} as const;
