import { z } from 'zod';
import { defineContract } from './http';

/** Segment folders: the list's folder filter and where segments are moved. */
const id = z.string().uuid();

export const folderView = z.object({ id, name: z.string(), segmentCount: z.number().int() });

export const listSegmentFolders = defineContract({
  method: 'GET',
  path: '/api/segment-folders',
  summary: 'Segment folders',
  tags: ['segments'],
  response: z.object({ items: z.array(folderView) }),
});

export const createSegmentFolder = defineContract({
  method: 'POST',
  path: '/api/segment-folders',
  summary: 'Create a segment folder',
  tags: ['segments'],
  body: z.object({ name: z.string().trim().min(1).max(200) }),
  response: z.object({ folder: folderView }),
  successStatus: 201,
});

export const deleteSegmentFolder = defineContract({
  method: 'DELETE',
  path: '/api/segment-folders/:folderId',
  summary: 'Delete a folder; its segments move out of it',
  tags: ['segments'],
  params: z.object({ folderId: id }),
  response: z.object({ deletedFolderId: id }),
});
