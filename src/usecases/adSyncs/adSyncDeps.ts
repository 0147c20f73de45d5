import { adChannelConnectors } from '../../adapters/connectors/adChannelRegistry';
import { createSecretBox, type SecretBox } from '../../adapters/crypto/secretBox';
import type { Db } from '../../adapters/db/database';
import { AppError } from '../../domain/appError';
import { can, type Action, type Actor, type ResourceFacts } from '../../domain/permissions/policy';
import { ROLE_LABELS } from '../../domain/permissions/roles';
import type { AdChannelId } from '../../domain/sync/channels';
import type { AdChannelConnector } from '../../ports/adChannel';
import type { Clock } from '../../ports/clock';
import type { JobQueue } from '../../ports/jobQueue';
import type { UseCaseConfig } from '../deps';

/**
 * What the ad-sync use cases need. AppDeps satisfies it; tests add `adChannels` / `sleep` / `maxChannelWaitMs`.
 */
export interface AdSyncDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Pick<UseCaseConfig, 'publicUrl' | 'secretKey' | 'isSandbox'>;
  /** Emulator base URLs in sandbox mode, by provider id ('linkedin', 'meta', 'google'). */
  readonly sandboxUrls: Readonly<Record<string, string>>;
  /** Emulator credentials by provider ({ clientId, clientSecret, accessToken, refreshToken?, developerToken? }). */
  readonly sandboxCredentials?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly jobs?: JobQueue;
  /** Defaults to adapters/connectors/adChannelRegistry.ts. */
  readonly adChannels?: Readonly<Record<AdChannelId, AdChannelConnector>>;
  /** Waits between retries; defaults to a real timer. Tests record the waits instead. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Longest rate-limit wait inside one run before the job hands back and reschedules itself (default 2 minutes). */
  readonly maxChannelWaitMs?: number;
  /**
   * Test seam: awaited inside Create Sync's transaction right after the limit count, before the insert. A race test
   * holds one request there while a second one runs (manageSyncs.race.int.test.ts). Unset in the application.
   */
  readonly afterSyncLimitCount?: () => Promise<void>;
}

export const AD_SYNC_RUN_JOB = 'adSyncs.run';

export function channelConnector(channel: AdChannelId, deps: AdSyncDeps): AdChannelConnector {
  return (deps.adChannels ?? adChannelConnectors)[channel];
}

export function secretBoxOf(deps: AdSyncDeps): SecretBox {
  if (!deps.config.secretKey) throw new Error('No secret key configured: channel tokens cannot be encrypted (set OPENABM_SECRET_KEY).');
  return createSecretBox(deps.config.secretKey);
}

export function sleeperOf(deps: AdSyncDeps): (ms: number) => Promise<void> {
  return deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
}

/** Where the channel sends the browser back after login. */
export function channelRedirectUri(config: Pick<UseCaseConfig, 'publicUrl'>): string {
  return `${config.publicUrl.replace(/\/+$/, '')}/api/advertising/oauth/callback`;
}

/** Use cases check the permission too, so the CLI and jobs cannot skip what the route enforces. */
export function assertSyncPermission(actor: Actor | undefined, action: Action, orgId: string, resource: ResourceFacts = {}): void {
  if (!actor) return; // jobs act for the organisation itself
  if (actor.orgId !== orgId) throw new AppError('not_found', 'The sync was not found.');
  if (!can(actor, action, resource)) {
    if (action === 'sync.pause' && actor.role === 'marketing_user') {
      throw new AppError('forbidden', 'Syncs created by other users can only be paused by an Administrator or the user who created the sync.');
    }
    throw new AppError('forbidden', `Your role (${ROLE_LABELS[actor.role]}) does not allow this action (${action}).`);
  }
}

export function requireUser(actor: Actor): string {
  if (actor.kind !== 'user' || !actor.userId) throw new AppError('forbidden', 'Channel logins belong to a user: sign in as yourself (API keys cannot connect or run syncs).');
  return actor.userId;
}
