import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../ports/clock';
import { ENTITY_DEFINITIONS, type EntityRow, type EntitySetName } from './entities';

/** An OData error the Web API answers with: `{"error":{"code":"0x…","message":…}}` (reference §5). */
export class ODataError extends Error {
  override readonly name = 'ODataError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export interface SystemUser {
  readonly systemuserid: string;
  readonly fullname: string;
  readonly domainname: string;
}

export interface ViewDefinition {
  readonly id: string;
  readonly kind: 'savedquery' | 'userquery';
  name: string;
  readonly returnedtypecode: string;
  fetchxml: string;
  readonly layoutxml: string;
  /** 0 main application view, 1 advanced search, 2 sub-grid, 4 quick find, 64 lookup (SDK SavedQueryQueryType). */
  readonly querytype: number;
  readonly isdefault: boolean;
  readonly iscustomizable: boolean;
  readonly statecode: number;
  readonly description: string;
  /** User views only: owner and the users it is shared with. */
  readonly ownerId: string | undefined;
  readonly sharedWithUserIds: readonly string[];
}

export interface EntityTable {
  readonly rows: EntityRow[];
  readonly byId: Map<string, EntityRow>;
}

interface AccessTokenGrant {
  readonly userId: string;
  readonly clientId: string;
  readonly expiresAtMs: number;
}
interface RefreshTokenGrant {
  readonly userId: string;
  readonly clientId: string;
  /** Set when the grant is no longer usable; the AADSTS code the token endpoint answers with. */
  revokedWithCode: number | undefined;
}
interface AuthorizationCode {
  readonly userId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  isRedeemed: boolean;
}

/** How `?savedQuery=` / `?userQuery=` page past one page (reference §4 "Unknown"). */
export type SavedQueryPagingMode = 'nextLink' | 'cookieOnly';

export interface DynamicsStateOptions {
  readonly clock: Clock;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly organizationId: string;
  readonly businessUnitId: string;
  readonly integrationUser: SystemUser;
}

/** Everything the emulated org holds: tables, views, users, OAuth grants and the limits the faults switch on. */
export class DynamicsState {
  readonly clock: Clock;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly organizationId: string;
  readonly businessUnitId: string;
  readonly integrationUser: SystemUser;
  /** Set when the server listens; the org URL and the login host are the same emulator. */
  orgUrl = 'http://127.0.0.1';
  readonly tables: Record<EntitySetName, EntityTable> = {
    accounts: { rows: [], byId: new Map() },
    contacts: { rows: [], byId: new Map() },
    leads: { rows: [], byId: new Map() },
  };
  readonly users: SystemUser[] = [];
  readonly views: ViewDefinition[] = [];
  /** Field-security: columns (per logical name) the integration user may not read. */
  readonly securedColumns = new Map<string, Set<string>>();
  readonly accessTokens = new Map<string, AccessTokenGrant>();
  readonly refreshTokens = new Map<string, RefreshTokenGrant>();
  readonly authorizationCodes = new Map<string, AuthorizationCode>();
  accessTokenTtlSeconds = 3600;
  savedQueryPagingMode: SavedQueryPagingMode = 'nextLink';
  /** Optional daily request cap (Dataverse has none; the product's allowance pause path is tested with it). */
  dailyRequestCap: { limit: number; usedToday: number; dayKey: string } | undefined;
  /** Service-protection penalty: requests before `untilMs` get 429 and extend it (reference §6). */
  throttle: { untilMs: number; retryAfterSeconds: number; code: string; message: string; remainingHits: number } | undefined;
  /** Missing prvRead<Entity> privileges of the integration user, by entity set. */
  readonly deniedEntitySets = new Set<EntitySetName>();

  constructor(options: DynamicsStateOptions) {
    this.clock = options.clock;
    this.tenantId = options.tenantId;
    this.clientId = options.clientId;
    this.clientSecret = options.clientSecret;
    this.organizationId = options.organizationId;
    this.businessUnitId = options.businessUnitId;
    this.integrationUser = options.integrationUser;
    this.users.push(options.integrationUser);
  }

  nowMs(): number {
    return this.clock.now().getTime();
  }

  insert(setName: EntitySetName, row: EntityRow): void {
    const id = String(row[ENTITY_DEFINITIONS[setName].primaryIdAttribute]);
    const table = this.tables[setName];
    table.rows.push(row);
    table.byId.set(id, row);
  }

  /** Changes a record the way a CRM user would: modifiedon and versionnumber move forward. */
  update(setName: EntitySetName, id: string, changes: EntityRow): EntityRow {
    const row = this.tables[setName].byId.get(id);
    if (!row) throw new Error(`no ${setName} record ${id}`);
    Object.assign(row, changes, { modifiedon: dataverseTimestamp(this.clock.now()), versionnumber: Number(row.versionnumber ?? 0) + 1 });
    return row;
  }

  userById(id: string): SystemUser | undefined {
    return this.users.find((user) => user.systemuserid === id);
  }

  /** Views the integration user can see: every system view, and user views it owns or that are shared with it. */
  visibleViews(kind: ViewDefinition['kind']): ViewDefinition[] {
    const userId = this.integrationUser.systemuserid;
    return this.views.filter(
      (view) => view.kind === kind && (kind === 'savedquery' || view.ownerId === userId || view.sharedWithUserIds.includes(userId)),
    );
  }

  issueAccessToken(userId: string, clientId: string): { token: string; expiresInSeconds: number } {
    const token = `dyn-at-${randomBytes(24).toString('base64url')}`;
    this.accessTokens.set(token, { userId, clientId, expiresAtMs: this.nowMs() + this.accessTokenTtlSeconds * 1000 });
    return { token, expiresInSeconds: this.accessTokenTtlSeconds };
  }

  issueRefreshToken(userId: string, clientId: string): string {
    const token = `dyn-rt-${randomBytes(32).toString('base64url')}`;
    this.refreshTokens.set(token, { userId, clientId, revokedWithCode: undefined });
    return token;
  }

  issueAuthorizationCode(grant: Omit<AuthorizationCode, 'isRedeemed'>): string {
    const code = `dyn-code-${randomBytes(18).toString('base64url')}`;
    this.authorizationCodes.set(code, { ...grant, isRedeemed: false });
    return code;
  }

  /** The user behind a bearer token, or undefined when it is unknown or expired. */
  userForAccessToken(token: string): SystemUser | undefined {
    const grant = this.accessTokens.get(token);
    if (!grant || grant.expiresAtMs <= this.nowMs()) return undefined;
    return this.userById(grant.userId);
  }

  /** Makes every access token issued so far expire now (the "expired token" fault). */
  expireAccessTokens(): void {
    for (const [token, grant] of this.accessTokens) this.accessTokens.set(token, { ...grant, expiresAtMs: this.nowMs() });
  }

  /** Revokes every refresh token (password reset, consent withdrawn, inactivity): AADSTS code per reference §2. */
  revokeRefreshTokens(aadstsCode: number): void {
    for (const grant of this.refreshTokens.values()) grant.revokedWithCode = aadstsCode;
  }

  /** Counts one Web API request against the optional daily cap; false once the cap is used up. */
  consumeDailyRequest(): boolean {
    const cap = this.dailyRequestCap;
    if (!cap) return true;
    const dayKey = this.clock.now().toISOString().slice(0, 10);
    if (cap.dayKey !== dayKey) {
      cap.dayKey = dayKey;
      cap.usedToday = 0;
    }
    if (cap.usedToday >= cap.limit) return false;
    cap.usedToday += 1;
    return true;
  }
}

/** Dataverse writes instants to the second, in UTC: 2024-05-01T10:20:30Z. */
export function dataverseTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
