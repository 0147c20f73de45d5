import type { CrmObjectType } from '../domain/integrations/crmObjectTypes';

/**
 * What a CRM connector (Salesforce, Dynamics 365) offers the use cases. Each provider folder under
 * adapters/connectors/ implements it; `adapters/connectors/registry.ts` is a Record<CrmProvider, CrmConnector>
 * (no switch on provider). Owned by the CRM integration work (issue 4).
 *
 * Division of labour:
 * - The connector speaks HTTP to the provider and nothing else: no database, no clock, no env, no sleeping of its own.
 * - Every provider call goes through `CrmCallContext.beforeCall()` first (the use case counts it against the org's
 *   daily allowance and throws CrmConnectorError 'api_limit' when the allowance is spent), and every response is
 *   reported with `afterCall()` (provider-side usage such as Sforce-Limit-Info).
 * - On a 401 the connector calls `ctx.refreshAccessToken()` ONCE and replays the request once; if that fails the
 *   connector throws CrmConnectorError 'reauth'. The use case persists the new tokens (encrypted) and marks the
 *   connection `reauth_required` when refresh fails.
 * - Retryable answers (429 + Retry-After, 5xx) are retried a bounded number of times, waiting through `ctx.sleep`
 *   (tests inject a sleeper that records delays instead of sleeping).
 * - Expected failures are thrown as CrmConnectorError (domain/integrations/crmErrors.ts) whose `message` is the
 *   specification's verbatim text where one exists; bugs throw plain errors.
 */
export type CrmProvider = 'salesforce' | 'dynamics';
export const CRM_PROVIDERS: readonly CrmProvider[] = ['salesforce', 'dynamics'];
export type { CrmObjectType } from '../domain/integrations/crmObjectTypes';
export { CRM_OBJECT_TYPES } from '../domain/integrations/crmObjectTypes';

/** Where the customer logs in. Salesforce: production / sandbox / custom My Domain; Dynamics: Entra ID; both: emulator. */
export type CrmLoginEnvironment = 'production' | 'sandbox' | 'custom' | 'emulator';

/** The OAuth app and login host for one connection (client secret decrypted only for the call). */
export interface CrmOAuthSettings {
  /** Salesforce: https://login.salesforce.com, https://test.salesforce.com, a My Domain, or the emulator.
   *  Dynamics: the Entra ID authority including the tenant, e.g. https://login.microsoftonline.com/<tenant>. */
  readonly loginUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Our callback URL, registered on the provider's connected app. */
  readonly redirectUri: string;
  /** Dynamics only: the organisation URL (https://acme.crm.dynamics.com), used for the scope. Salesforce: undefined. */
  readonly resourceUrl: string | undefined;
}

/** What a token endpoint returned, normalised. */
export interface CrmTokenSet {
  readonly accessToken: string;
  /** Undefined when the provider did not rotate it: keep the stored one. */
  readonly refreshToken: string | undefined;
  /** Base URL for data calls (Salesforce instance_url; Dynamics org URL). */
  readonly instanceUrl: string;
  /** Undefined when the provider does not say (Salesforce: the session lives until a 401). */
  readonly expiresInSeconds: number | undefined;
  /** Provider's id of the connected user and org, shown on the integrations page. */
  readonly externalUserId: string | undefined;
  readonly externalOrgId: string | undefined;
}

/** Provider-side limits seen on a response (Sforce-Limit-Info, /limits) — the provider's, not our allowance. */
export interface CrmProviderUsage {
  readonly used: number;
  readonly max: number;
}

/** Handed to every data call: the session plus the hooks the use case implements. */
export interface CrmCallContext {
  readonly orgId: string;
  readonly connectionId: string;
  /** Instance / org URL (https://acme.my.salesforce.com, https://acme.crm.dynamics.com, or an emulator). */
  readonly instanceUrl: string;
  /** The current access token (changes after refreshAccessToken). */
  accessToken(): string;
  /** Refreshes with the stored refresh token, persists the new tokens, returns the new access token.
   *  Throws CrmConnectorError 'reauth' when the provider refuses the refresh token. */
  refreshAccessToken(): Promise<string>;
  /** Counts one provider call against the org's daily allowance; throws CrmConnectorError 'api_limit' when spent. */
  beforeCall(call: { readonly method: string; readonly path: string }): Promise<void>;
  /** Reports what a response said about the provider's own limits. */
  afterCall(outcome: { readonly status: number; readonly providerUsage: CrmProviderUsage | undefined }): Promise<void>;
  /** Waits before a retry; tests inject one that records the delay and returns at once. */
  sleep(ms: number): Promise<void>;
  /** The injected clock's time (for Retry-After dates); connectors never read the system clock. */
  now(): Date;
  /**
   * A person waits on the page for this answer (a check they started): a provider that cannot be reached or is busy
   * is not waited out over retries, and each call gets a shorter timeout, so the page ends with the reason instead of
   * spinning for minutes. Jobs leave it unset and retry as usual.
   */
  readonly isPersonWaiting?: boolean;
}

/** A list view, report or Dynamics view, with whether it may back a segment and, if not, the spec's messages. */
export interface CrmSourceSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: CrmSourceKind;
  readonly objectType: CrmObjectType | 'other';
  /** Rows the source holds when known without fetching them all (report row count, list view total). */
  readonly rowCount: number | undefined;
  readonly isUsable: boolean;
  /** Verbatim messages of crm-sync-segments.txt for every rule the source breaks (empty when usable). */
  readonly problems: readonly string[];
  /** Provider-specific facts for display: report format and type, list view scope, folder, … (JSON-safe values). */
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}
export type CrmSourceKind = 'list_view' | 'report' | 'saved_view' | 'user_view';

export interface CrmSourceRef {
  readonly kind: CrmSourceKind;
  readonly id: string;
}

/** One CRM record, mapped to what segments and matching need; unknown fields kept in `fields`. */
export interface CrmRecord {
  readonly externalId: string;
  readonly objectType: CrmObjectType;
  /** Account name, or the person's full name for contacts and leads. */
  readonly name: string | undefined;
  readonly website: string | undefined;
  readonly email: string | undefined;
  readonly country: string | undefined;
  readonly ownerExternalId: string | undefined;
  readonly ownerName: string | undefined;
  /** For contacts: their account; for converted leads: the converted account. */
  readonly accountExternalId: string | undefined;
  /** For leads and contacts: the company name typed on the record (contacts: the account's name when known). */
  readonly companyName: string | undefined;
  /** Leads: converted-lead information. */
  readonly isConverted: boolean | undefined;
  readonly convertedContactExternalId: string | undefined;
  /** The provider's modification stamp, ISO 8601 (SystemModstamp / modifiedon): the sync cursor. */
  readonly modifiedAt: string | undefined;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** One page of changed records, oldest modification first, ready to upsert. */
export interface CrmRecordPage {
  readonly records: readonly CrmRecord[];
  /** Opaque token for the next page (Salesforce nextRecordsUrl, Dynamics @odata.nextLink); undefined at the end. */
  readonly nextPageToken: string | undefined;
}

export interface ReadChangesRequest {
  readonly objectType: CrmObjectType;
  /** Return records modified at or after this ISO instant (inclusive, so a resumed page re-reads ties); undefined = all. */
  readonly modifiedSince: string | undefined;
  /** The previous page's nextPageToken; when set, modifiedSince is ignored. */
  readonly pageToken: string | undefined;
}

/** The records behind a source, for segments; the source's rule checks already passed (or this threw). */
export interface CrmSourceRecords {
  readonly source: CrmSourceSummary;
  /** Records the source lists; for report rows, the account/contact/lead ids and the names/fields the row carries. */
  readonly records: readonly CrmRecord[];
}

/** How a token is requested: for a person waiting on the page (a check they started) or for a job. */
export interface CrmTokenRequestOptions {
  readonly isPersonWaiting?: boolean;
}

export interface CrmConnectorCapabilities {
  readonly hasReports: boolean;
  readonly hasListViews: boolean;
  /** Dynamics personal views (userqueries). */
  readonly hasPersonalViews: boolean;
}

export interface CrmConnector {
  readonly provider: CrmProvider;
  readonly displayName: string;
  readonly capabilities: CrmConnectorCapabilities;
  /** Login hosts offered in the connect dialog (the emulator is added by the use case in sandbox mode). */
  readonly loginUrls: Readonly<Partial<Record<CrmLoginEnvironment, string>>>;

  /** The provider URL to send the browser to. `codeChallenge` is a PKCE S256 challenge. */
  buildAuthorizationUrl(settings: CrmOAuthSettings, input: { readonly state: string; readonly codeChallenge: string }): string;
  /** Authorization code → tokens. Throws CrmConnectorError 'reauth' for a refused code or client. */
  exchangeCode(settings: CrmOAuthSettings, input: { readonly code: string; readonly codeVerifier: string }): Promise<CrmTokenSet>;
  /**
   * Refresh token → new access token. Throws CrmConnectorError 'reauth' (permanent) or 'retry' (transient). When a
   * person waits on the answer (CrmCallContext.isPersonWaiting) the login call gets the same short timeout as a data call.
   */
  refreshToken(settings: CrmOAuthSettings, refreshToken: string, options?: CrmTokenRequestOptions): Promise<CrmTokenSet>;
  /** Best-effort revoke on disconnect; never throws for an already-revoked token. */
  revokeToken?(settings: CrmOAuthSettings, token: string): Promise<void>;

  /** One page of the daily sync for one object type. */
  readChanges(ctx: CrmCallContext, request: ReadChangesRequest): Promise<CrmRecordPage>;
  /** Everything a segment can be built from, each with its rule check. */
  listSources(ctx: CrmCallContext): Promise<readonly CrmSourceSummary[]>;
  /** The records of one source; throws CrmConnectorError 'permanent' with the spec's message when a rule fails. */
  fetchSourceRecords(ctx: CrmCallContext, source: CrmSourceRef): Promise<CrmSourceRecords>;
  /** The provider's own daily limit, when it exposes one (Salesforce /limits DailyApiRequests). */
  readProviderLimits?(ctx: CrmCallContext): Promise<CrmProviderUsage | undefined>;
}
