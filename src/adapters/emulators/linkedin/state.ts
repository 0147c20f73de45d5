import { DAY_MS, MINUTE_MS, SECOND_MS, type EmulatorClock } from '../kit/clock';
import { MemberSet } from '../kit/memberSet';
import { OAuthTokenStore, type OAuthApp } from '../kit/oauthTokens';
import { DailyQuota, RateWindow } from '../kit/rateWindow';

/** LinkedIn ad account roles (adAccountUsers `role`); only ACCOUNT_BILLING_ADMIN, ACCOUNT_MANAGER and CAMPAIGN_MANAGER may manage audiences here. */
export type LinkedInRole = 'ACCOUNT_BILLING_ADMIN' | 'ACCOUNT_MANAGER' | 'CAMPAIGN_MANAGER' | 'CREATIVE_MANAGER' | 'VIEWER';

export const AUDIENCE_ROLES: readonly LinkedInRole[] = ['ACCOUNT_BILLING_ADMIN', 'ACCOUNT_MANAGER', 'CAMPAIGN_MANAGER'];

export interface LinkedInAdAccount {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  /** The demo member's role on it. */
  readonly role: LinkedInRole;
}

export type SegmentStatus = 'BUILDING' | 'READY' | 'UPDATING' | 'EXPIRED' | 'FAILED';

export interface DmpSegment {
  readonly id: string;
  readonly name: string;
  readonly type: 'COMPANY' | 'USER';
  readonly account: string;
  readonly sourcePlatform: string;
  readonly sourceSegmentId: string;
  readonly destinations: readonly unknown[];
  readonly createdAtMs: number;
  readonly members: MemberSet;
  /** When it first became READY (lazily, the first time status is read after building). */
  readySinceMs: number | undefined;
  /** Set by faults: EXPIRED or FAILED overrides the lifecycle. */
  forcedStatus: 'EXPIRED' | 'FAILED' | undefined;
  isDeleted: boolean;
}

export interface LinkedInStateOptions {
  readonly app: OAuthApp;
  readonly memberId: string;
  readonly memberName: string;
  readonly memberEmail: string;
  readonly clock: EmulatorClock;
  /** A new segment stays BUILDING at least this long, and until its first upload is processed (default 30 s). */
  readonly buildDelayMs: number;
  /** After a change a READY segment is UPDATING this long (default 30 s). */
  readonly updateDelayMs: number;
  /** `…/companies` on a segment younger than this answers 404 "Could not find DMP segment" (default 5 s). */
  readonly notFoundWindowMs: number;
  readonly companiesCallsPerMinute: number;
  readonly usersCallsPerMinute: number;
  /** Calls per app per emulated day before 429 (default 100,000). */
  readonly dailyCallCap: number;
  readonly maxElementsPerRequest: number;
  /** Matched members needed to serve (300). */
  readonly minimumMatchedMembers: number;
  /** Accepted `LinkedIn-Version` values, YYYYMM (default 202512 to 202612). */
  readonly activeVersions: readonly string[];
}

export const LINKEDIN_DEFAULTS = {
  buildDelayMs: 30 * SECOND_MS,
  updateDelayMs: 30 * SECOND_MS,
  notFoundWindowMs: 5 * SECOND_MS,
  companiesCallsPerMinute: 300,
  usersCallsPerMinute: 600,
  dailyCallCap: 100_000,
  maxElementsPerRequest: 5_000,
  minimumMatchedMembers: 300,
} as const;

/** LinkedIn members reached per matched company, so company audiences have a member size (audienceSize). */
export const MEMBERS_PER_MATCHED_COMPANY = 40;

export class LinkedInState {
  readonly tokens: OAuthTokenStore;
  readonly accounts = new Map<string, LinkedInAdAccount>();
  readonly segments = new Map<string, DmpSegment>();
  readonly companiesCalls: RateWindow;
  readonly usersCalls: RateWindow;
  readonly dailyCalls: DailyQuota;
  /** The app holds rw_dmp_segments (the missing_scope fault removes it). */
  hasDmpScope = true;
  /** partial_failure: how many more /companies or /users requests fail every other element. */
  partialFailureRequests = 0;
  private segmentCounter = 0;

  constructor(readonly options: LinkedInStateOptions) {
    // Access tokens live 60 days, refresh tokens 365 days from the first authorisation, never extended by refreshing.
    this.tokens = new OAuthTokenStore(options.app, { accessTtlMs: 60 * DAY_MS, refreshTtlMs: 365 * DAY_MS }, () => options.clock.nowMs(), 'AQV');
    this.companiesCalls = new RateWindow(options.companiesCallsPerMinute, MINUTE_MS);
    this.usersCalls = new RateWindow(options.usersCallsPerMinute, MINUTE_MS);
    this.dailyCalls = new DailyQuota(options.dailyCallCap);
  }

  nowMs(): number {
    return this.options.clock.nowMs();
  }

  createSegment(fields: Omit<DmpSegment, 'id' | 'createdAtMs' | 'members' | 'readySinceMs' | 'forcedStatus' | 'isDeleted'>): DmpSegment {
    this.segmentCounter += 1;
    const segment: DmpSegment = { ...fields, id: String(24_100_000 + this.segmentCounter), createdAtMs: this.nowMs(), members: new MemberSet(), readySinceMs: undefined, forcedStatus: undefined, isDeleted: false };
    this.segments.set(segment.id, segment);
    return segment;
  }

  /** BUILDING until built and first processed; then READY, UPDATING while a change is processed; or a forced state. */
  statusOf(segment: DmpSegment): SegmentStatus {
    if (segment.forcedStatus) return segment.forcedStatus;
    const now = this.nowMs();
    if (segment.readySinceMs === undefined) {
      const isBuilt = now >= segment.createdAtMs + this.options.buildDelayMs && segment.members.lastChangeMs !== undefined && !segment.members.isProcessing(now);
      if (!isBuilt) return 'BUILDING';
      segment.readySinceMs = now;
    }
    return segment.members.isProcessing(now) ? 'UPDATING' : 'READY';
  }

  /** Matched companies (or members) and the member reach, as reported (lagging behind changes). */
  countsOf(segment: DmpSegment): { matchedCount: number; audienceSize: number } {
    const { matched } = segment.members.reported(this.nowMs());
    return { matchedCount: matched, audienceSize: segment.type === 'COMPANY' ? matched * MEMBERS_PER_MATCHED_COMPANY : matched };
  }

  segmentsFor(segmentId: string | undefined): DmpSegment[] {
    return [...this.segments.values()].filter((segment) => (segmentId === undefined ? !segment.isDeleted : segment.id === segmentId));
  }
}
