import { deleteFolderRow, findFolderByName, insertFolder, listFolderRows } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';

export async function listSegmentFolders({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'view', orgId);
  return { items: (await listFolderRows(deps.db, orgId)).map((row) => ({ id: row.id, name: row.name, segmentCount: row.segment_count })) };
}

export async function createSegmentFolder({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { name: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'segment.create', orgId);
  if (await findFolderByName(deps.db, orgId, input.name)) throw new AppError('conflict', `A folder named "${input.name}" already exists.`);
  const folder = await insertFolder(deps.db, orgId, input.name);
  return { id: folder.id, name: folder.name, segmentCount: 0 };
}

/** Deletes a folder; its segments stay, outside any folder. */
export async function deleteSegmentFolder({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { folderId: string } }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'segment.edit', orgId);
  if (!(await deleteFolderRow(deps.db, orgId, input.folderId))) throw new AppError('not_found', 'The folder was not found.');
  return { deletedFolderId: input.folderId };
}
