/** HubSpot settings as data (STYLE.md §3.3). Source: ../shared/reference/hubspot.md (sections cited). */
export const HUBSPOT = {
  provider: 'hubspot',
  displayName: 'HubSpot',
  /** §1: the browser logs in on app.hubspot.com; tokens and data on api.hubapi.com. */
  loginUrls: { production: 'https://api.hubapi.com' },
  authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
  authorizePath: '/oauth/authorize',
  tokenPath: '/oauth/v1/token',
  scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.schemas.contacts.read', 'crm.schemas.contacts.write'],
  /** §2: at most 100 inputs per batch request. */
  batchUpdateMax: 100,
  /** List pages: HubSpot's maximum `limit` for the objects endpoint. */
  listPageMax: 100,
  /** §3: private app Free/Starter daily limit (the lowest tier). */
  providerDailyQuota: 250_000,
  /** HubSpot single-line and multi-line text properties hold at most 65,536 characters (issue 10 decisions). */
  textMaxLength: 65_536,
  /** Multiple-checkbox values are separated by semicolons. */
  multiValueSeparator: ';',
  maxTransientRetries: 3,
  requestTimeoutMs: 30_000,
  /** §3: without Retry-After, wait one rolling interval. */
  defaultRateLimitWaitMs: 10_000,
  objects: [
    { name: 'contacts', label: 'Contacts', isDefault: true },
    { name: 'leads', label: 'Leads', isDefault: false },
    { name: 'companies', label: 'Companies', isDefault: false },
  ],
  /** The property group a created property lands in, per object. */
  propertyGroups: { contacts: 'contactinformation', leads: 'leadinformation', companies: 'companyinformation' } as Readonly<Record<string, string>>,
  /** Properties read on every listed record (matching needs e-mail and company). */
  recordProperties: ['email', 'company', 'website', 'domain', 'name', 'hs_lastmodifieddate'],
} as const;
