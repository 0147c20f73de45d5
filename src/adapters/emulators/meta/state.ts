import { DAY_MS, MINUTE_MS, type EmulatorClock } from '../kit/clock';
import { MemberSet } from '../kit/memberSet';
import { OAuthTokenStore, type OAuthApp } from '../kit/oauthTokens';
import { DailyQuota, RateWindow } from '../kit/rateWindow';

/** What the demo user may do on an ad account (`user_tasks`): MANAGE and ADVERTISE may edit audiences, ANALYZE only reads. */
export type MetaTask = 'MANAGE' | 'ADVERTISE' | 'ANALYZE' | 'DRAFT';

export interface MetaAdAccount {
  /** Digits only; the wire writes it `act_{id}`. */
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly tasks: readonly MetaTask[];
  /** Custom Audience Terms accepted for this account (else 200 / 1870090). */
  isTosAccepted: boolean;
  /** The ad account is linked to the app's Business Manager (else 200 / 1870050). */
  isBusinessLinked: boolean;
}

export interface MetaUploadSession {
  readonly sessionId: string;
  readonly startedAtMs: number;
  readonly isReplace: boolean;
  lastBatchSeq: number;
  numReceived: number;
  numInvalid: number;
  isFinished: boolean;
  /** usersreplace: the members uploaded so far, swapped in when the last batch arrives. */
  readonly replacement: MemberSet | undefined;
}

export interface MetaAudience {
  readonly id: string;
  readonly accountId: string;
  name: string;
  description: string;
  readonly subtype: 'CUSTOM';
  readonly customerFileSource: string;
  readonly createdAtMs: number;
  updatedAtMs: number;
  readonly members: MemberSet;
  readonly sessions: Map<string, MetaUploadSession>;
  /** Deleted through the API (reads answer "does not exist") or on Meta's side (edges answer 1487366). */
  isDeleted: boolean;
  /** Integrity checks flagged it: operation_status 471, edits answer 100 / 1713230. */
  isFlagged: boolean;
  /** No longer shared with the ad account: 100 / 1487301. */
  isUnshared: boolean;
}

export interface MetaStateOptions {
  readonly app: OAuthApp;
  readonly demoUserId: string;
  readonly demoUserName: string;
  readonly clock: EmulatorClock;
  /** How long a change takes before counts and operation_status show it (default 60 s). */
  readonly processingDelayMs: number;
  /** Calls to audience edges per ad account per minute before 80003 (default 600). */
  readonly audienceCallsPerMinute: number;
  /** Graph calls per app per emulated day before code 4 (default 100,000). */
  readonly appCallsPerDay: number;
  readonly maxAudiencesPerAccount: number;
  /** Rows per /users request (10,000). */
  readonly maxRowsPerRequest: number;
  /** An upload session ends this long after its first batch (90 minutes). */
  readonly sessionWindowMs: number;
  /** Below this many matched people delivery_status says "too small" (100). */
  readonly minimumAudienceSize: number;
}

export const META_DEFAULTS = {
  processingDelayMs: MINUTE_MS,
  audienceCallsPerMinute: 600,
  appCallsPerDay: 100_000,
  maxAudiencesPerAccount: 500,
  maxRowsPerRequest: 10_000,
  sessionWindowMs: 90 * MINUTE_MS,
  minimumAudienceSize: 100,
} as const;

/** Everything the Meta emulator holds: the demo user's ad accounts, custom audiences with members and sessions, tokens, limits. */
export class MetaState {
  readonly tokens: OAuthTokenStore;
  readonly accounts = new Map<string, MetaAdAccount>();
  readonly audiences = new Map<string, MetaAudience>();
  readonly audienceCalls: RateWindow;
  readonly appQuota: DailyQuota;
  /** HTTP status used for code 190 (Meta answers 400; the expired_token fault can switch it to 401). */
  invalidTokenStatus = 400;
  /** Code answered when the daily allowance is used up: 4 (app limit) or 17 (user limit). */
  quotaErrorCode: 4 | 17 = 4;
  private audienceCounter = 0;

  constructor(readonly options: MetaStateOptions) {
    // Tokens from the code exchange live 2 hours; fb_exchange_token turns them into 60-day tokens. No refresh tokens.
    this.tokens = new OAuthTokenStore(options.app, { accessTtlMs: 2 * 60 * MINUTE_MS }, () => options.clock.nowMs(), 'EAAG');
    this.audienceCalls = new RateWindow(options.audienceCallsPerMinute);
    this.appQuota = new DailyQuota(options.appCallsPerDay);
  }

  nowMs(): number {
    return this.options.clock.nowMs();
  }

  static readonly LONG_LIVED_TTL_MS = 60 * DAY_MS;

  createAudience(account: MetaAdAccount, fields: { name: string; description: string; customerFileSource: string }): MetaAudience {
    this.audienceCounter += 1;
    const id = String(23_850_000_000_000 + this.audienceCounter);
    const now = this.nowMs();
    const audience: MetaAudience = {
      id,
      accountId: account.id,
      name: fields.name,
      description: fields.description,
      subtype: 'CUSTOM',
      customerFileSource: fields.customerFileSource,
      createdAtMs: now,
      updatedAtMs: now,
      members: new MemberSet(),
      sessions: new Map(),
      isDeleted: false,
      isFlagged: false,
      isUnshared: false,
    };
    this.audiences.set(id, audience);
    return audience;
  }

  liveAudiencesOf(accountId: string): MetaAudience[] {
    return [...this.audiences.values()].filter((audience) => audience.accountId === accountId && !audience.isDeleted);
  }

  /** Audiences a fault applies to: the one named, or every live one. */
  audiencesFor(audienceId: string | undefined): MetaAudience[] {
    return [...this.audiences.values()].filter((audience) => (audienceId === undefined ? !audience.isDeleted : audience.id === audienceId));
  }
}
