import { listUsesOf } from '../../adapters/db/publishing/publicationsRepo';
import type { Db } from '../../adapters/db/database';
import type { SegmentActivations } from '../../ports/segmentSources';

/** Publishing's part of the Activations column and of the delete guard: where each segment is published. */
export function publishedSegmentActivations(deps: { db: Db }): SegmentActivations {
  return {
    async activationsOf(orgId, segmentIds) {
      const uses = await listUsesOf(deps.db, orgId, segmentIds);
      return new Map([...uses].map(([segmentId, segmentUses]) => [segmentId, { activeSyncCount: 0, isPublished: segmentUses.length > 0, publishedUses: segmentUses }]));
    },
  };
}
