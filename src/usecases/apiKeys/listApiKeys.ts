import { listApiKeys as listApiKeyRows } from '../../adapters/db/repositories/apiKeys';
import type { UseCaseDeps } from '../deps';
import { toApiKeySummary } from './apiKeyViews';

/** The organisation's API keys, revoked ones included (their secrets are never stored). */
export async function listApiKeys({ orgId }: { orgId: string }, deps: Pick<UseCaseDeps, 'db'>) {
  return { items: (await listApiKeyRows(deps.db, orgId)).map(toApiKeySummary) };
}
