import { AppError } from '../../domain/appError';
import { can, type Action, type Actor } from '../../domain/permissions/policy';

/** Use cases check the permission too, so the CLI and jobs cannot skip what the route enforces. */
export function assertCan(actor: Actor | undefined, action: Action, orgId: string): void {
  if (!actor) return; // system work (jobs, crons) acts for the org itself
  if (actor.orgId !== orgId || !can(actor, action)) throw new AppError('forbidden', 'You do not have permission to manage integrations.');
}
