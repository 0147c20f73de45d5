/**
 * The specification's error messages, word for word (crm-sync-segments.txt, with openabm for 6sense; "the list" in lower
 * case, issue 14). "Segment Creation FAQs" is linked to openabm's own help page (/segments/help) where shown. Connectors and
 * use cases import them from here so no copy can drift.
 */
export const CRM_MESSAGES = {
  apiLimitReached:
    'Daily CRM API Limits have been reached, please try again later. Contact your administrator about increasing these limits.',
  unableToLogIn: 'Unable to log into SFDC instance, please contact your administrator about resetting your SFDC credentials.',
  reportInsufficientPermissions:
    'Unable to sync Report to openabm due to insufficient permissions. Please refer to the Segment Creation FAQs to review the Salesforce permissions required to successfully sync Reports.',
  reportCustomType:
    'The selected Report could not be synced because it is a Custom Report. Please refer to the Segment Creation FAQs for supported CRM Report types.',
  reportUnsupportedType:
    'The selected Report could not be synced because it does not match one of the supported report types. Only Reports based on Accounts, Leads, or Contacts may be synced.',
  reportTooManyRecords: 'The selected Report could not be synced because it contains more than 2,000 records.',
  reportMissingIdColumn: (objectLabel: 'Account' | 'Contact' | 'Lead'): string =>
    `The selected Report could not be synced because it does not contain a column for ${objectLabel} ID.`,
  /** The criteria list of the specification, phrased as refusals (the spec gives no verbatim text for these). */
  noValidCredentials: 'Enter valid CRM credentials in the integrations section before syncing a CRM list or report.',
  firstSyncNotCompleted:
    'A CRM list or report cannot be synced before openabm has successfully synced with the overall CRM data at least once.',
  listViewNotAccountList: 'The list must represent an Account List View within the CRM; CRM Reports are synced as Reports.',
  listViewNotPublic: 'The list must be public so that the openabm integration is able to access the accounts within it.',
  listViewTooLarge: 'The list must contain fewer than 25,000 accounts.',
  listViewFieldsNotPermitted: 'openabm must have permission to view all of the fields used in the filters that define the list.',
  reportNotPublic: 'The selected Report must be Public.',
  sourceNotFound: 'The selected CRM list or report no longer exists or is not visible to the integration user.',
} as const;

/** The log-in failure message of a provider: the spec's verbatim text for Salesforce, the same words for Dynamics. */
export function loginRefusedMessage(provider: 'salesforce' | 'dynamics'): string {
  return provider === 'salesforce'
    ? CRM_MESSAGES.unableToLogIn
    : 'Unable to log into Dynamics 365 instance, please contact your administrator about resetting your Dynamics 365 credentials.';
}

/** Limits from the specification. */
export const LIST_VIEW_MAX_ACCOUNTS_EXCLUSIVE = 25_000;
export const REPORT_MAX_ROWS = 2_000;
