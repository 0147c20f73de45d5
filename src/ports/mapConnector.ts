/**
 * What a marketing-automation (MAP) connector — HubSpot, Marketo, Pardot (Account Engagement), Eloqua — offers the use
 * cases, chiefly Segment Name Enrichment (issue 10): describe the target field, page through the leads, write segment
 * names back in batches. Each provider folder under adapters/connectors/ implements it; `adapters/connectors/mapRegistry.ts`
 * is a `MapConnectorRegistry` (no switch on provider). Owned by the MAP integration work (issue 10, item 2).
 * STABLE: only additive changes from now on.
 *
 * How to obtain one for an org (use cases): `withMapSession(orgId, provider, deps, async ({ connector, ctx }) => …)` in
 * `usecases/integrations/mapSession.ts` loads the org's connection, opens its sealed tokens, and builds the `ctx`
 * (daily API budget per provider, token refresh persisted, status kept true: reauth_required, api_limit_reached, error).
 *
 * Same division of labour as ports/crmConnector.ts:
 * - The connector speaks HTTP to the provider and nothing else (no database, no clock, no env, no sleeping of its own).
 * - Every provider call goes through `ctx.beforeCall()` (counts against the org's daily allowance for this provider;
 *   throws CrmConnectorError 'api_limit' when spent) and every response through `ctx.afterCall()`.
 * - An auth failure (HTTP 401, Marketo 601/602) → `ctx.refreshAccessToken()` once and replay once; then
 *   CrmConnectorError 'reauth'.
 * - Rate limits (HubSpot 429 TEN_SECONDLY_ROLLING, Marketo 606/615, Pardot 66, Eloqua 429) wait through `ctx.sleep` and
 *   retry a bounded number of times, then CrmConnectorError 'retry'. Daily quotas (HubSpot 429 DAILY, Marketo 607,
 *   Pardot 122) throw CrmConnectorError 'api_limit' at once (→ connection status api_limit_reached).
 * - Failures of the whole call are thrown as CrmConnectorError (domain/integrations/crmErrors.ts, shared with the CRMs)
 *   whose message is the provider's own text, verbatim. Failures of single records in a batch are NOT thrown: they are
 *   returned per record in `MapUpdateResult` with the provider's verbatim reason.
 */
import type { CrmCallContext, CrmTokenSet } from './crmConnector';

export type MapProviderId = 'hubspot' | 'marketo' | 'pardot' | 'eloqua';
export const MAP_PROVIDERS: readonly MapProviderId[] = ['hubspot', 'marketo', 'pardot', 'eloqua'];

export function isMapProvider(value: unknown): value is MapProviderId {
  return typeof value === 'string' && (MAP_PROVIDERS as readonly string[]).includes(value);
}

/** How the org's credentials are obtained. */
export type MapAuthKind =
  /** Browser OAuth code flow + refresh token (HubSpot, Pardot via Salesforce login, Eloqua). */
  | 'oauth_code'
  /** Server-side client credentials, token re-requested when it expires (Marketo). */
  | 'client_credentials'
  /** HTTP Basic `Site\User:Password` (Eloqua variant; the password may expire every 90 days). */
  | 'basic';

/** A writable object of the provider (HubSpot contacts/leads/companies, Marketo lead, Pardot prospect, Eloqua contact). */
export interface MapObjectInfo {
  /** The name passed back to the connector: 'contacts', 'leads', 'lead', 'prospect', 'contact'. */
  readonly name: string;
  /** Shown in the UI ("Contacts", "Leads", "Prospects"). */
  readonly label: string;
  /** The object enrichment targets unless the orchestration chooses another. */
  readonly isDefault: boolean;
}

/** Our normalised view of a field type; `providerType` keeps the provider's own word. */
export type MapFieldKind = 'string' | 'text' | 'multi_select' | 'number' | 'date' | 'boolean' | 'email' | 'other';

export interface MapFieldDescription {
  /** The API name used in listRecords/batchUpdate (HubSpot property name, Marketo REST name, Pardot field, Eloqua field id). */
  readonly name: string;
  readonly label: string;
  readonly kind: MapFieldKind;
  /** The provider's type: HubSpot `string/textarea`, `enumeration/checkbox`; Marketo `string`, `text`; Eloqua `text`, `largeText`. */
  readonly providerType: string;
  /** Maximum length the provider accepts, undefined when it states none. */
  readonly maxLength: number | undefined;
  /** Whether maxLength counts characters or bytes (Marketo text areas count bytes). */
  readonly lengthUnit: 'characters' | 'bytes';
  readonly isWritable: boolean;
  readonly isCustom: boolean;
  /** For multi-value fields (HubSpot multiple checkboxes): the separator between values (';'). */
  readonly multiValueSeparator: string | undefined;
  /** For multi_select: the allowed values (a value not listed is refused by the provider). */
  readonly options: readonly string[] | undefined;
}

/** One lead/contact/prospect, with what matching needs and the current values of the requested fields. */
export interface MapRecord {
  readonly id: string;
  readonly email: string | undefined;
  readonly company: string | undefined;
  /** Website/domain typed on the record when the provider has one. */
  readonly website: string | undefined;
  /** Provider's last-modified stamp, ISO 8601. */
  readonly modifiedAt: string | undefined;
  /** Current values of the fields asked for (null = empty). */
  readonly fields: Readonly<Record<string, string | null>>;
}

export interface MapRecordPage {
  readonly records: readonly MapRecord[];
  /** Opaque; pass back as `cursor` for the next page. Undefined at the end. */
  readonly nextCursor: string | undefined;
}

export interface ListMapRecordsRequest {
  readonly object: string;
  /** Field API names whose current values to return in MapRecord.fields. */
  readonly fieldNames: readonly string[];
  /** Undefined for the first page. */
  readonly cursor: string | undefined;
  /** Records per page; capped at the provider's `limits.listPageMax` (defaults to it). */
  readonly pageSize?: number;
}

export interface MapRecordUpdate {
  readonly id: string;
  /** Field API name → new value (null or '' clears the field). */
  readonly fields: Readonly<Record<string, string | null>>;
  /** The record's e-mail as read by listRecords: Eloqua's PUT needs it in the body; others ignore it. */
  readonly email?: string;
}

export type MapUpdateResult =
  | { readonly id: string; readonly ok: true }
  | {
      readonly id: string;
      readonly ok: false;
      /** Provider's code: HubSpot category, Marketo reason code ('1004'), Pardot code, HTTP status for Eloqua. */
      readonly code: string;
      /** The provider's reason, verbatim. */
      readonly message: string;
      /** True when trying again later may succeed (rate limit hit mid-batch, 5xx): the caller keeps the record pending. */
      readonly isRetryable: boolean;
    };

/** Limits as data (each connector's provider.ts). */
export interface MapConnectorLimits {
  /** Most records one batchUpdate call may carry (HubSpot 100, Marketo 300; Pardot/Eloqua write one record per HTTP call). */
  readonly batchUpdateMax: number;
  /** Provider HTTP calls one batchUpdate of n records costs: 1 for true batch APIs, n for Pardot/Eloqua. */
  readonly callsPerBatchUpdate: 'one' | 'per_record';
  /** Most records one listRecords page returns. */
  readonly listPageMax: number;
  /** The provider's default daily call quota, for the API budget default and display. */
  readonly providerDailyQuota: number | undefined;
}

/** The login/app settings of one connection (secrets decrypted only for the call). */
export interface MapAuthSettings {
  /** OAuth authorize/token host (HubSpot https://app.hubspot.com / https://api.hubapi.com, Salesforce login, Eloqua login),
   *  or the Marketo instance URL; in sandbox mode the emulator. */
  readonly loginUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  /** Provider extras: marketo `munchkinId` + `instanceUrl`; pardot `businessUnitId` + `pardotUrl`; eloqua `siteName`,
   *  `userName`, `password` (basic). */
  readonly extra: Readonly<Record<string, string>>;
}

/** CrmCallContext plus the provider extras (Pardot-Business-Unit-Id, …). `instanceUrl` is the data base URL. */
export interface MapCallContext extends CrmCallContext {
  readonly provider: MapProviderId;
  readonly extra: Readonly<Record<string, string>>;
}

export interface MapConnector {
  readonly provider: MapProviderId;
  readonly displayName: string;
  readonly authKind: MapAuthKind;
  readonly limits: MapConnectorLimits;
  /** Objects enrichment may write to, with the default first. */
  readonly objects: readonly MapObjectInfo[];
  /** Production login/API hosts offered in the connect dialog (sandbox mode adds the emulator). */
  readonly loginUrls: Readonly<Record<string, string>>;

  /** oauth_code only: the provider URL to send the browser to. */
  buildAuthorizationUrl?(settings: MapAuthSettings, input: { readonly state: string; readonly codeChallenge: string }): string;
  /** oauth_code only: authorization code → tokens. Throws CrmConnectorError 'reauth' with the provider's message. */
  exchangeCode?(settings: MapAuthSettings, input: { readonly code: string; readonly codeVerifier: string }): Promise<CrmTokenSet>;
  /** client_credentials / basic: obtain the first session from the settings alone (and find the data base URL). */
  connectWithCredentials?(settings: MapAuthSettings): Promise<CrmTokenSet>;
  /** New access token (refresh grant, or client credentials again). Throws 'reauth' (permanent) or 'retry' (transient). */
  refreshToken(settings: MapAuthSettings, refreshToken: string): Promise<CrmTokenSet>;

  /** Writable fields of the object (for the field picker). */
  listFields(ctx: MapCallContext, object: string): Promise<readonly MapFieldDescription[]>;
  /** One field by API name; undefined when the object has no such field. */
  describeField(ctx: MapCallContext, object: string, fieldName: string): Promise<MapFieldDescription | undefined>;
  /** One page of the object's records, with the current values of `fieldNames`. */
  listRecords(ctx: MapCallContext, request: ListMapRecordsRequest): Promise<MapRecordPage>;
  /** Writes up to `limits.batchUpdateMax` records; one result per input, in input order. */
  batchUpdate(ctx: MapCallContext, object: string, updates: readonly MapRecordUpdate[]): Promise<readonly MapUpdateResult[]>;
  /** HubSpot only: create a custom text property (enrichment's "create the field for me"). */
  createField?(ctx: MapCallContext, object: string, field: { readonly name: string; readonly label: string }): Promise<MapFieldDescription>;
}

/** Every MAP connector by provider. */
export type MapConnectorRegistry = Readonly<Record<MapProviderId, MapConnector>>;
