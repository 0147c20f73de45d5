/** Salesforce settings as data (STYLE.md §3.3). Sources: ../shared/reference/salesforce.md (sections cited). */
export const SALESFORCE = {
  provider: 'salesforce',
  displayName: 'Salesforce',
  /** §2: any recent version works; jsforce defaults to 50.0. */
  apiVersion: '62.0',
  /** §3 login hosts. */
  loginUrls: { production: 'https://login.salesforce.com', sandbox: 'https://test.salesforce.com' },
  authorizePath: '/services/oauth2/authorize',
  tokenPath: '/services/oauth2/token',
  revokePath: '/services/oauth2/revoke',
  scopes: ['api', 'refresh_token'],
  /** §8: up to 2,000 records per query batch. */
  queryBatchSize: 2_000,
  /** §6 / product: a list view may back a segment when it holds fewer than 25,000 accounts. */
  listViewMaxAccountsExclusive: 25_000,
  /** §7.1: only the first 2,000 report rows are returned. */
  reportMaxRows: 2_000,
  /** Retries of a transient answer (429, 5xx, concurrency limit, timeout) before giving up for now. */
  maxTransientRetries: 3,
  /** One data call may take this long before it counts as a transient failure. */
  requestTimeoutMs: 60_000,
  /** A call a person waits on (CrmCallContext.isPersonWaiting): no retries, and no answer within this is a failure. */
  personWaitingRequestTimeoutMs: 20_000,
  /** Statuses that are transient whatever the body says. */
  retryableStatuses: [429, 500, 502, 503, 504],
  /** §3: Salesforce REST bodies that contain these on a 401 are not session expiry: do not refresh. */
  nonRefreshable401Bodies: ['Connected app is not attached to Agent', 'This session is not valid for use with the REST API'],
  /** Report folders that are never public (§1: the report must be Public). */
  privateReportFolders: ['Private Reports', 'My Personal Custom Reports'],
  capabilities: { hasReports: true, hasListViews: true, hasPersonalViews: false },
  /** Fields read by the daily sync, per object (the `map.ts` mappers read exactly these). */
  syncFields: {
    account: ['Id', 'Name', 'Website', 'BillingCountry', 'OwnerId', 'Owner.Name', 'LastModifiedDate', 'SystemModstamp'],
    contact: [
      'Id', 'FirstName', 'LastName', 'Name', 'Email', 'AccountId', 'Account.Name', 'MailingCountry', 'OwnerId', 'Owner.Name',
      'LastModifiedDate', 'SystemModstamp',
    ],
    lead: [
      'Id', 'FirstName', 'LastName', 'Name', 'Company', 'Email', 'Website', 'Country', 'OwnerId', 'Owner.Name', 'IsConverted',
      'ConvertedAccountId', 'ConvertedContactId', 'ConvertedDate', 'LastModifiedDate', 'SystemModstamp',
    ],
  },
  sobjectNames: { account: 'Account', contact: 'Contact', lead: 'Lead' },
} as const;
