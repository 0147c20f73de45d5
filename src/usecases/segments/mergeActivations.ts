import type { SegmentActivations, SegmentActivationSummary } from '../../ports/segmentSources';

/** One SegmentActivations answering for several providers: sync counts add up, publishing facts are combined. */
export function mergeActivations(providers: readonly SegmentActivations[]): SegmentActivations {
  return {
    async activationsOf(orgId, segmentIds) {
      const merged = new Map<string, SegmentActivationSummary>();
      for (const answer of await Promise.all(providers.map((provider) => provider.activationsOf(orgId, segmentIds)))) {
        for (const [segmentId, summary] of answer) {
          const previous = merged.get(segmentId);
          merged.set(segmentId, {
            activeSyncCount: (previous?.activeSyncCount ?? 0) + summary.activeSyncCount,
            isPublished: (previous?.isPublished ?? false) || summary.isPublished,
            publishedUses: [...new Set([...(previous?.publishedUses ?? []), ...(summary.publishedUses ?? [])])],
          });
        }
      }
      return merged;
    },
  };
}
