import type { Role } from './roles';

/**
 * Every action a route or use case can need. Routes declare one of these; the server refuses to register a route
 * without one.
 */
export const ACTIONS = [
  'view', // see segments, accounts, syncs, settings pages (every role)
  'segment.create',
  'segment.edit', // rename, move, change filters, fix matches, refresh now
  'segment.delete',
  'sync.create', // activate a segment on an ad channel
  'sync.pause', // toggle a sync off/on: own syncs for marketing users, any for admins
  'segment.publish', // add/remove a segment from Published Segments (Settings)
  'integrations.manage', // connect / disconnect CRM, MAP integrations, change API budgets
  'channels.connect', // connect one's own ad-channel account
  'users.manage', // invite users, change roles, deactivate
  'apiKeys.manage',
  'notifications.manage', // manage recipients of system notifications
  'companies.manage', // the organisation's private companies and exclusion list (the master is the instance operator's)
  'ce.manage', // Conversational Email: assistants, campaigns, enrollment, replies
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
  readonly userId: string | undefined;
  readonly orgId: string;
  readonly role: Role;
  readonly kind: 'user' | 'apiKey';
  /** API-key callers: the key's id (per-key rate limits). */
  readonly apiKeyId?: string;
}

/** Optional facts about the object acted on, for rules that depend on ownership. */
export interface ResourceFacts {
  readonly ownerUserId?: string | undefined;
}

const ADMINS: readonly Role[] = ['primary_admin', 'abm_admin'];
const EDITORS: readonly Role[] = ['primary_admin', 'abm_admin', 'marketing_user'];

/** Who may do what, without ownership. Ownership rules are applied in can(). */
const ROLE_GRANTS: Readonly<Record<Action, readonly Role[]>> = {
  view: ['primary_admin', 'abm_admin', 'marketing_user', 'view_only'],
  'segment.create': EDITORS,
  'segment.edit': EDITORS,
  'segment.delete': EDITORS,
  // "To edit the Segment Sync page, your user account must be a Primary Administrator or ABM Administrator, or a Marketing User."
  'sync.create': EDITORS,
  'sync.pause': EDITORS,
  'segment.publish': ADMINS,
  'integrations.manage': ADMINS,
  // "Required 6sense role to create/manage the integration: Primary Admin, Admin or Marketing User."
  'channels.connect': EDITORS,
  'users.manage': ADMINS,
  'apiKeys.manage': ADMINS,
  // "The primary admin and admins with Settings access manage recipients"
  'notifications.manage': ADMINS,
  'companies.manage': ADMINS,
  'ce.manage': EDITORS,
};

export function can(actor: Pick<Actor, 'role' | 'userId'>, action: Action, resource: ResourceFacts = {}): boolean {
  if (!ROLE_GRANTS[action].includes(actor.role)) return false;
  // "Syncs created by other users can only be paused by an Administrator or the user who created the sync."
  if (action === 'sync.pause' && actor.role === 'marketing_user' && resource.ownerUserId !== undefined) {
    return resource.ownerUserId === actor.userId;
  }
  return true;
}

/** The roles an actor may hand out: only the primary administrator may create another primary administrator. */
export function canAssignRole(actor: Pick<Actor, 'role'>, role: Role): boolean {
  if (!ROLE_GRANTS['users.manage'].includes(actor.role)) return false;
  return role !== 'primary_admin' || actor.role === 'primary_admin';
}

export function rolesGranted(action: Action): readonly Role[] {
  return ROLE_GRANTS[action];
}
