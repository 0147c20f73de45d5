import type { Db } from '../../adapters/db/database';
import { AppError } from '../../domain/appError';
import { can, type Action, type Actor } from '../../domain/permissions/policy';
import type { Clock } from '../../ports/clock';

export interface WebTagDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: { readonly publicUrl: string };
}

export function assertAllowed(actor: Actor | undefined, orgId: string, action: Action, message: string): void {
  if (!actor) return;
  if (actor.orgId !== orgId || !can(actor, action)) throw new AppError('forbidden', message);
}
