import { replaceIpRanges } from '../../adapters/db/repositories/webVisits';
import { AppError } from '../../domain/appError';
import { CsvFormatError, parseCsv } from '../../domain/matching/csv';
import type { Actor } from '../../domain/permissions/policy';
import { parseIpRangeFile } from '../../domain/webTag/parseIpRangeFile';
import { assertAllowed, type WebTagDeps } from './webTagDeps';

/**
 * The org's own IP-range → company file (not part of the shared master): replaces the previous file in one
 * transaction, so visitors resolve against either the old or the new file, never half of one. The collector's cache
 * picks it up within a minute.
 */
export async function importIpRanges({ orgId, actor, csv }: { orgId: string; actor: Actor | undefined; csv: string }, deps: Pick<WebTagDeps, 'db'>) {
  assertAllowed(actor, orgId, 'integrations.manage', 'Only administrators import the IP-range file.');
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new AppError('validation_failed', error.message);
    throw error;
  }
  const { ranges, rejected } = parseIpRangeFile(records);
  if (ranges.length === 0) throw new AppError('validation_failed', rejected[0] ? `No range could be read: line ${rejected[0].line}: ${rejected[0].reason.replace(/\.$/, '')}. Nothing was imported; the previous file stays in use.` : 'The file holds no ranges.', { rejected });
  await deps.db.transaction((tx) => replaceIpRanges(tx, orgId, ranges));
  return { imported: ranges.length, rejected };
}
