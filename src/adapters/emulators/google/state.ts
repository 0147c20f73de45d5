import { SECOND_MS, type EmulatorClock } from '../kit/clock';
import { MemberSet } from '../kit/memberSet';
import { OAuthTokenStore, type OAuthApp } from '../kit/oauthTokens';
import { DailyQuota, RateWindow } from '../kit/rateWindow';

export interface GoogleAdsCustomer {
  /** Ten digits, no dashes. */
  readonly id: string;
  readonly descriptiveName: string;
  readonly currencyCode: string;
  readonly isManager: boolean;
  /** The demo user may write audiences (else 403 PERMISSION_DENIED on writes). */
  readonly canManageAudiences: boolean;
  /** Customer Match terms accepted (else ingest needs termsOfService ACCEPTED). */
  isTosAccepted: boolean;
}

export interface GoogleUserList {
  readonly id: string;
  readonly customerId: string;
  name: string;
  description: string;
  membershipStatus: 'OPEN' | 'CLOSED';
  /** Days (Google Ads API membershipLifeSpan); 10000 = unlimited. */
  membershipLifeSpanDays: number;
  readonly createdAtMs: number;
  readonly members: MemberSet;
  isDeleted: boolean;
  /** A write holds the list: a second write meanwhile gets CONCURRENT_MODIFICATION. */
  isWriting: boolean;
}

export interface IngestionRequest {
  readonly requestId: string;
  readonly kind: 'INGEST' | 'REMOVE';
  readonly destinations: readonly unknown[];
  readonly acceptedAtMs: number;
  readonly recordCount: number;
  readonly userIdentifierCount: number;
  readonly matchedCount: number;
  /** Processing errors per reason (ProcessingErrorReason names), for records refused after acceptance. */
  readonly errorCounts: ReadonlyMap<string, number>;
  /** Set by the request_failed fault: the request ends FAILED and nothing was applied. */
  readonly isFailed: boolean;
}

export interface GoogleStateOptions {
  readonly app: OAuthApp;
  readonly developerToken: string;
  readonly userEmail: string;
  readonly clock: EmulatorClock;
  /** A request stays PROCESSING this long (default 10 s of emulated time). */
  readonly processingDelayMs: number;
  /** How long a write holds its user list (real time, default 20 ms): a parallel write meanwhile is refused. */
  readonly writeHoldMs: number;
  readonly requestsPerMinute: number;
  /** Data Manager / Google Ads operations per emulated day (Basic access: 15,000). */
  readonly operationsPerDay: number;
  readonly maxAudienceMembersPerRequest: number;
  readonly maxIdentifiersPerMember: number;
  readonly maxDestinationsPerRequest: number;
  /** Members needed before a list can serve (100). */
  readonly minimumAudienceSize: number;
}

export const GOOGLE_DEFAULTS = {
  processingDelayMs: 10 * SECOND_MS,
  writeHoldMs: 20,
  requestsPerMinute: 300,
  operationsPerDay: 15_000,
  maxAudienceMembersPerRequest: 10_000,
  maxIdentifiersPerMember: 10,
  maxDestinationsPerRequest: 10,
  minimumAudienceSize: 100,
} as const;

export class GoogleState {
  readonly tokens: OAuthTokenStore;
  readonly customers = new Map<string, GoogleAdsCustomer>();
  readonly userLists = new Map<string, GoogleUserList>();
  readonly requests = new Map<string, IngestionRequest>();
  readonly minuteWindow: RateWindow;
  readonly dailyOperations: DailyQuota;
  /** Faults that change how writes behave. */
  readonly pending = { concurrentModifications: 0, failedRequests: 0, tosRejected: false };
  private listCounter = 0;
  private requestCounter = 0;

  constructor(readonly options: GoogleStateOptions) {
    // Google access tokens live 3599 s; refresh tokens do not expire (until revoked).
    this.tokens = new OAuthTokenStore(options.app, { accessTtlMs: 3_599_000 }, () => options.clock.nowMs(), 'ya29.');
    this.minuteWindow = new RateWindow(options.requestsPerMinute);
    this.dailyOperations = new DailyQuota(options.operationsPerDay);
  }

  nowMs(): number {
    return this.options.clock.nowMs();
  }

  createUserList(customerId: string, fields: { name: string; description: string; membershipLifeSpanDays: number; membershipStatus?: 'OPEN' | 'CLOSED' }): GoogleUserList {
    this.listCounter += 1;
    const list: GoogleUserList = {
      id: String(9_100_000_000 + this.listCounter),
      customerId,
      name: fields.name,
      description: fields.description,
      membershipStatus: fields.membershipStatus ?? 'OPEN',
      membershipLifeSpanDays: fields.membershipLifeSpanDays,
      createdAtMs: this.nowMs(),
      members: new MemberSet(),
      isDeleted: false,
      isWriting: false,
    };
    this.userLists.set(list.id, list);
    return list;
  }

  liveListsOf(customerId: string): GoogleUserList[] {
    return [...this.userLists.values()].filter((list) => list.customerId === customerId && !list.isDeleted);
  }

  recordRequest(request: Omit<IngestionRequest, 'requestId' | 'acceptedAtMs'>): IngestionRequest {
    this.requestCounter += 1;
    const stored: IngestionRequest = { ...request, requestId: `dm-${this.requestCounter.toString(36)}-${Math.floor(this.nowMs() / 1000).toString(36)}`, acceptedAtMs: this.nowMs() };
    this.requests.set(stored.requestId, stored);
    return stored;
  }

  /** SUCCESS / PARTIAL_SUCCESS / FAILED once processed, PROCESSING before. */
  statusOf(request: IngestionRequest): 'PROCESSING' | 'SUCCESS' | 'PARTIAL_SUCCESS' | 'FAILED' {
    if (this.nowMs() < request.acceptedAtMs + this.options.processingDelayMs) return 'PROCESSING';
    if (request.isFailed) return 'FAILED';
    return request.errorCounts.size > 0 ? 'PARTIAL_SUCCESS' : 'SUCCESS';
  }

  listsFor(listId: string | undefined): GoogleUserList[] {
    return [...this.userLists.values()].filter((list) => (listId === undefined ? !list.isDeleted : list.id === listId));
  }
}
