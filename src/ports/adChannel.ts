import type { AdChannelId, AudienceMemberKind } from '../domain/sync/channels';
import type { SyncErrorCode } from '../domain/sync/errorCatalogue';
import type { HashedPerson } from '../domain/sync/identifiers';
import type { LinkedInCompanyElement, LinkedInFieldLimits } from '../domain/sync/linkedinCompany';

/**
 * What an advertising-channel connector (Google, LinkedIn, Meta) offers the sync use cases. Each provider folder under
 * adapters/connectors/ implements it; adapters/connectors/adChannelRegistry.ts is a Record<AdChannelId, …>.
 *
 * - A connector speaks HTTP and nothing else: no database, no clock, no env. It waits only through `ctx.sleep`.
 * - Rate limits (Retry-After, Meta 4/17/613/80003/80004, LinkedIn 429, Google RESOURCE_EXHAUSTED) are waits: the
 *   connector sleeps and retries while the total wait stays under `ctx.maxWaitMs`, then throws AdChannelError 'retry'
 *   with `retryAfterMs` so the job reschedules itself; nothing is marked failed for a rate limit.
 * - An expired or refused login (Meta 190, LinkedIn/Google 401) is refreshed once where the channel has refresh
 *   tokens; then AdChannelError 'reauth'. It is never retried as a transient error.
 * - Per-row refusals inside a successful answer come back in BatchOutcome.rejected, one entry per refused member.
 */
export type { AdChannelId };

export interface ChannelOAuthSettings {
  /** Host of the authorize page and token endpoint (the channel's, or the emulator's base URL). */
  readonly authBaseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

export interface ChannelTokenSet {
  readonly accessToken: string;
  /** Undefined when the channel has none (Meta) or did not rotate it. */
  readonly refreshToken: string | undefined;
  readonly expiresInSeconds: number | undefined;
  /** LinkedIn: the refresh token's own life (365 days, not extended by refreshing): the yearly re-authentication. */
  readonly refreshTokenExpiresInSeconds: number | undefined;
  readonly scope: string | undefined;
}

export interface ChannelCallContext {
  /** Base URL for API calls (the channel's, or the emulator's). */
  readonly apiBaseUrl: string;
  /** Google: the developer token sent with every Google Ads API call. */
  readonly developerToken: string | undefined;
  accessToken(): string;
  /** Refreshes with the stored refresh token and persists it; throws AdChannelError 'reauth' when refused. */
  refreshAccessToken(): Promise<string>;
  sleep(ms: number): Promise<void>;
  now(): Date;
  /** The longest a connector may wait in total for rate limits inside one call before handing back 'retry'. */
  readonly maxWaitMs: number;
  /** Every HTTP call the connector makes, for run statistics ("exactly the number of calls the batch limit allows"). */
  countCall?(call: { readonly method: string; readonly path: string; readonly status: number }): void;
}

export interface AdAccountSummary {
  readonly id: string;
  readonly name: string;
  /** The login's role on the account as the channel names it (LinkedIn ACCOUNT_MANAGER, …), when known. */
  readonly role: string | undefined;
}

export interface ChannelAudienceState {
  readonly audienceId: string;
  readonly name: string | undefined;
  /** The channel's own state, shown beside ours (LinkedIn BUILDING/READY/…, Meta operation_status, Google status). */
  readonly channelStatus: string | undefined;
  /** Matched members when the channel reports it. */
  readonly matchedCount: number | undefined;
}

/** One member as sent: its key (for the journal and per-row rejections) and its identifiers. */
export interface AudienceMember {
  readonly key: number;
  readonly company?: LinkedInCompanyElement;
  readonly person?: HashedPerson;
}

export interface BatchSession {
  /** Meta upload session: a positive id unique within the ad account, batch_seq from 1, last-batch flag. */
  readonly sessionId: number;
  readonly batchSeq: number;
  readonly isLastBatch: boolean;
  readonly estimatedTotal: number;
}

export interface BatchRequest {
  readonly adAccountId: string;
  readonly audienceId: string;
  /** Never mixed in one request: Google jobs carry one kind of operation. */
  readonly operation: 'add' | 'remove';
  readonly members: readonly AudienceMember[];
  readonly session: BatchSession;
  /** Google consent declared by the organisation (required for adds). */
  readonly consent: { readonly adUserData: 'GRANTED' | 'DENIED'; readonly adPersonalization: 'GRANTED' | 'DENIED' } | undefined;
}

export interface BatchOutcome {
  readonly acceptedCount: number;
  readonly rejected: ReadonlyArray<{ readonly key: number; readonly code: string; readonly reason: string }>;
  /** Google: the asynchronous request to check before the batch counts as acknowledged. */
  readonly pendingRequestId: string | undefined;
}

export type PendingRequestState = { readonly state: 'pending' } | { readonly state: 'done'; readonly failedReason: string | undefined };

export interface AdChannelConnector {
  readonly channel: AdChannelId;
  readonly displayName: string;
  readonly memberKind: AudienceMemberKind;
  /** Most members one add/remove request may carry (Meta 10,000; LinkedIn 5,000; Google per request). */
  readonly maxMembersPerRequest: number;
  /** Removals are sent in smaller chunks (large removals in one request are slow or refused). */
  readonly maxRemovalsPerRequest: number;
  /** The channel's own login and API hosts (sandbox mode uses the emulator's base URL for both). */
  readonly productionUrls: { readonly authBaseUrl: string; readonly apiBaseUrl: string };
  /** Company audiences: the field limits beyond which a value is dropped (not truncated). */
  readonly companyFieldLimits: LinkedInFieldLimits | undefined;

  buildAuthorizationUrl(settings: ChannelOAuthSettings, input: { readonly state: string; readonly codeChallenge: string }): string;
  exchangeCode(settings: ChannelOAuthSettings, input: { readonly code: string; readonly codeVerifier: string }): Promise<ChannelTokenSet>;
  /** Channels without refresh tokens (Meta) throw AdChannelError 'reauth'. */
  refreshToken(settings: ChannelOAuthSettings, refreshToken: string): Promise<ChannelTokenSet>;

  /** Ad accounts the login may manage audiences in (LinkedIn: Account Manager, Campaign Manager or Owner). */
  listAdAccounts(ctx: ChannelCallContext): Promise<readonly AdAccountSummary[]>;
  createAudience(ctx: ChannelCallContext, input: { readonly adAccountId: string; readonly name: string; readonly description: string; readonly sourceId: string }): Promise<{ audienceId: string }>;
  /** Undefined when the audience no longer exists on the channel (deleted there). */
  readAudience(ctx: ChannelCallContext, input: { readonly adAccountId: string; readonly audienceId: string }): Promise<ChannelAudienceState | undefined>;
  sendBatch(ctx: ChannelCallContext, request: BatchRequest): Promise<BatchOutcome>;
  /** Google: the state of an asynchronous ingestion request. Others never return a pending id. */
  readPendingRequest?(ctx: ChannelCallContext, input: { readonly requestId: string }): Promise<PendingRequestState>;
}

export type AdChannelErrorKind = 'retry' | 'reauth' | 'permanent' | 'audience_missing';

/** An expected failure from a channel, classified (STYLE.md §3.10) into the sync error catalogue. */
export class AdChannelError extends Error {
  override readonly name = 'AdChannelError';
  constructor(
    readonly kind: AdChannelErrorKind,
    readonly code: SyncErrorCode,
    message: string,
    readonly extra: { readonly retryAfterMs?: number; readonly httpStatus?: number; readonly providerCode?: string } = {},
  ) {
    super(message);
  }
}

export function isAdChannelError(error: unknown): error is AdChannelError {
  return error instanceof AdChannelError;
}
