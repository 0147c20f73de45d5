import { isCrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { MapRecordUpdate, MapUpdateResult } from '../../../ports/mapConnector';

/** A failed single-record write as a per-record result; auth and quota failures are not per record (rethrown). */
export function failureOf(id: string, error: unknown): MapUpdateResult {
  if (!isCrmConnectorError(error) || error.kind === 'reauth' || error.kind === 'api_limit') throw error;
  return { id, ok: false, code: error.code, message: error.message, isRetryable: error.kind === 'retry' };
}

/**
 * For providers without a batch update (Pardot, Eloqua): writes the records one call each. A record the provider
 * refuses gets its verbatim reason; an auth or daily-limit failure stops the batch — thrown when nothing was written
 * yet (so the session marks the connection), otherwise the unwritten records come back retryable with that reason.
 */
export async function updateOneByOne(updates: readonly MapRecordUpdate[], writeOne: (update: MapRecordUpdate) => Promise<void>): Promise<MapUpdateResult[]> {
  const results: MapUpdateResult[] = [];
  for (const [index, update] of updates.entries()) {
    try {
      await writeOne(update);
      results.push({ id: update.id, ok: true });
    } catch (error) {
      try {
        results.push(failureOf(update.id, error));
      } catch (stopping) {
        if (results.length === 0) throw stopping;
        const reason = stopping instanceof Error ? stopping.message : String(stopping);
        for (const rest of updates.slice(index)) results.push({ id: rest.id, ok: false, code: 'stopped', message: reason, isRetryable: true });
        break;
      }
    }
  }
  return results;
}
