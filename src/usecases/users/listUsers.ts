import { listUsers as listUserRows } from '../../adapters/db/repositories/users';
import type { UseCaseDeps } from '../deps';
import { toUserSummary } from './toUserSummary';

export async function listUsers({ orgId }: { orgId: string }, deps: Pick<UseCaseDeps, 'db'>) {
  return { items: (await listUserRows(deps.db, orgId)).map(toUserSummary) };
}
