import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './core';

/** Mirrors migrations/0600_map_integrations.sql. *_sealed columns hold AES-256-GCM sealed secrets, never plain text. */
export const mapConnections = pgTable(
  'map_connections',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    authKind: text('auth_kind').notNull(),
    status: text('status').notNull(),
    environment: text('environment').notNull(),
    loginUrl: text('login_url').notNull(),
    instanceUrl: text('instance_url').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretSealed: text('client_secret_sealed').notNull(),
    accessTokenSealed: text('access_token_sealed').notNull(),
    refreshTokenSealed: text('refresh_token_sealed').notNull(),
    extra: jsonb('extra').$type<Record<string, string>>().notNull().default({}),
    passwordSealed: text('password_sealed'),
    credentialPolicy: text('credential_policy').notNull(),
    credentialsSetAt: timestamp('credentials_set_at', { withTimezone: true }).notNull(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    externalOrgId: text('external_org_id'),
    externalUserId: text('external_user_id'),
    dailyApiAllowance: integer('daily_api_allowance').notNull(),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    connectedBy: uuid('connected_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('map_connections_org_provider_key').on(t.orgId, t.provider)],
);

export const mapOauthStates = pgTable(
  'map_oauth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    environment: text('environment').notNull(),
    loginUrl: text('login_url').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretSealed: text('client_secret_sealed').notNull(),
    codeVerifierSealed: text('code_verifier_sealed').notNull(),
    extra: jsonb('extra').$type<Record<string, string>>().notNull().default({}),
    dailyApiAllowance: integer('daily_api_allowance'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('map_oauth_states_org_idx').on(t.orgId)],
);
