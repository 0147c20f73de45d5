import { findUploadedList, insertUploadedList, listUploadedLines, updateUploadedListMapping, type UploadedListRow } from '../../adapters/db/segments/uploadsRepo';
import { parseAccountFile, UploadFormatError, type UploadProgress } from '../../adapters/uploads/parseAccountFile';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { mappingProblems, type UploadColumnMapping } from '../../domain/segments/detectColumns';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

/** 25,000 rows of a wide export fit easily; a bigger file is refused before it is decoded. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Stores an uploaded CSV/XLSX account list: parsed as a stream, columns detected. When the header is unclear the
 * list waits for the user to confirm the mapping (setUploadMapping) before a segment can use it.
 */
export async function uploadAccountList(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { fileName: string; content: Buffer; onProgress?: UploadProgress } },
  deps: SegmentDeps,
) {
  assertSegmentPermission(actor, 'segment.create', orgId);
  if (input.content.length > MAX_FILE_BYTES) throw new AppError('payload_too_large', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  let parsed;
  try {
    parsed = await parseAccountFile(input.fileName, input.content, input.onProgress);
  } catch (error) {
    if (error instanceof UploadFormatError) throw new AppError('validation_failed', error.message, { line: error.line ?? null });
    throw error;
  }
  const list = await insertUploadedList(
    deps.db,
    orgId,
    {
      fileName: input.fileName,
      headers: parsed.headers,
      columnMapping: parsed.detection.mapping,
      isMappingConfirmed: parsed.detection.isConfident,
      createdBy: actor?.kind === 'user' ? (actor.userId ?? null) : null,
      createdAt: deps.clock.now(),
    },
    parsed.lines,
  );
  return toUploadView(list, parsed.lines.slice(0, 5).map((line) => line.cells));
}

export async function setUploadMapping(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { uploadId: string; mapping: UploadColumnMapping } },
  deps: SegmentDeps,
) {
  assertSegmentPermission(actor, 'segment.create', orgId);
  const list = await findUploadedList(deps.db, orgId, input.uploadId);
  if (!list) throw new AppError('not_found', 'The uploaded account list was not found.');
  const problems = mappingProblems(input.mapping, list.headers.length);
  if (problems.length > 0) throw new AppError('validation_failed', problems.join(' '));
  const updated = await updateUploadedListMapping(deps.db, orgId, list.id, input.mapping);
  if (!updated) throw new AppError('not_found', 'The uploaded account list was not found.');
  const sample = (await listUploadedLines(deps.db, orgId, list.id)).slice(0, 5).map((line) => line.cells);
  return toUploadView(updated, sample);
}

function toUploadView(list: UploadedListRow, sampleRows: string[][]) {
  return { id: list.id, fileName: list.fileName, headers: list.headers, rowCount: list.rowCount, mapping: list.columnMapping, isMappingConfirmed: list.isMappingConfirmed, sampleRows };
}
