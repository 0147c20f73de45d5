import { difference, intersection, type MemberSet } from './memberSet';

/**
 * What one sync run sends (STYLE.md §3.4): the segment's current members against what the channel last
 * acknowledged, plus the members whose last send was refused for a reason that may pass now.
 * - add: current members the channel has not acknowledged (and that did not fail last time)
 * - retry: current members that failed last time (sent again, reported apart)
 * - remove: acknowledged members that left the segment
 * A failed member that left the segment is dropped: the channel never held it.
 */
export interface AudienceSyncPlan {
  readonly add: MemberSet;
  readonly remove: MemberSet;
  readonly retry: MemberSet;
}

export function planAudienceSync(previousAcked: MemberSet, current: MemberSet, failed: MemberSet): AudienceSyncPlan {
  const notAcknowledged = difference(current, previousAcked);
  return {
    add: difference(notAcknowledged, failed),
    retry: intersection(notAcknowledged, failed),
    remove: difference(previousAcked, current),
  };
}
