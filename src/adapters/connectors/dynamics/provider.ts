/**
 * Microsoft Dynamics 365 / Dataverse settings, as data (STYLE.md §3.3). Source for every figure:
 * ../shared/reference/dynamics365.md (section in each comment).
 */
export const DYNAMICS_PROVIDER = {
  id: 'dynamics',
  displayName: 'Microsoft Dynamics 365',
  /** §2: Entra ID authority; the connect dialog appends the tenant (or 'organizations'). */
  loginUrls: { production: 'https://login.microsoftonline.com/organizations' },
  authorizePath: '/oauth2/v2.0/authorize',
  tokenPath: '/oauth2/v2.0/token',
  /** §2: delegated access to the org plus a refresh token; space-separated (commas break on work accounts). */
  delegatedScopes: (orgUrl: string): string => `${trimSlash(orgUrl)}/user_impersonation offline_access`,
  /** §1 */
  apiPath: '/api/data/v9.2',
  requestHeaders: { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' },
  /** §4: default and maximum page size, OData and FetchXML alike. */
  maxPageSize: 5000,
  /** §3: querytype 0 is the main application view, the one users pick lists from. */
  mainViewQueryType: 0,
  /** §6: service-protection windows are 300 s; a longer Retry-After can only be a daily cap → stop for the day. */
  maxRetryWaitMs: 300_000,
  /** Attempts per request for 429 / 5xx / network failures before giving up with a 'retry' error. */
  maxAttempts: 4,
  requestTimeoutMs: 120_000,
  /** A call a person waits on (CrmCallContext.isPersonWaiting): one attempt, and no answer within this is a failure. */
  personWaitingRequestTimeoutMs: 20_000,
  retryableStatuses: [429, 500, 502, 503, 504],
  /** §6 Web API codes. */
  serviceProtectionCodes: ['0x80072322', '0x80072321', '0x80072326'],
  /** §5 */
  privilegeMissingCode: '0x80040220',
  notFoundCode: '0x80040217',
  /** Columns read per table by the daily sync (§3 wire names; lookups as _x_value). */
  syncColumns: {
    account: ['accountid', 'name', 'websiteurl', 'address1_country', 'accountnumber', 'industrycode', 'numberofemployees', 'statecode', '_ownerid_value', 'modifiedon'],
    contact: ['contactid', 'fullname', 'firstname', 'lastname', 'emailaddress1', 'jobtitle', 'address1_country', '_parentcustomerid_value', 'statecode', '_ownerid_value', 'modifiedon'],
    lead: ['leadid', 'fullname', 'companyname', 'emailaddress1', 'websiteurl', 'address1_country', 'statecode', 'statuscode', '_parentaccountid_value', '_parentcontactid_value', '_ownerid_value', 'modifiedon'],
  },
  entitySets: { account: 'accounts', contact: 'contacts', lead: 'leads' },
  primaryIds: { account: 'accountid', contact: 'contactid', lead: 'leadid' },
  /** FetchXML attributes a view must return for matching; added to the view's own columns when missing. */
  viewMatchingAttributes: ['accountid', 'name', 'websiteurl', 'address1_country', 'ownerid', 'modifiedon'],
  /** The spec's login message names Salesforce; this is its Dynamics wording. */
  unableToLogInMessage: 'Unable to log into Dynamics 365 instance, please contact your administrator about resetting your Dynamics 365 credentials.',
} as const;

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
