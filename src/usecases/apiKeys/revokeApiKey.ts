import { revokeApiKeyRow } from '../../adapters/db/repositories/apiKeys';
import { notFound } from '../../domain/appError';
import type { UseCaseDeps } from '../deps';
import { toApiKeySummary } from './apiKeyViews';

/** Revokes one key of the organisation; another organisation's key reads as not found. */
export async function revokeApiKey({ orgId, input }: { orgId: string; input: { apiKeyId: string } }, deps: Pick<UseCaseDeps, 'db' | 'clock'>) {
  const row = await revokeApiKeyRow(deps.db, orgId, input.apiKeyId, deps.clock.now());
  if (!row) throw notFound('API key');
  return { apiKey: toApiKeySummary(row) };
}
