import { describe, expect, it } from 'vitest';
import { chunkMemberSet, packMemberSet, toMemberSet, union, unpackMemberSet } from './memberSet';
import { planAudienceSync } from './plan';

const set = (...keys: number[]) => toMemberSet(keys);
const list = (keys: Uint32Array) => Array.from(keys);

describe('planAudienceSync', () => {
  it.each<[string, number[], number[], number[], { add: number[]; remove: number[]; retry: number[] }]>([
    ['first run sends everyone', [], [3, 1, 2], [], { add: [1, 2, 3], remove: [], retry: [] }],
    ['nothing changed sends nothing', [1, 2, 3], [1, 2, 3], [], { add: [], remove: [], retry: [] }],
    ['members that left are removed', [1, 2, 3], [1, 3], [], { add: [], remove: [2], retry: [] }],
    ['new members are added', [1, 3], [1, 2, 3, 4], [], { add: [2, 4], remove: [], retry: [] }],
    ['failed members still in the segment are retried, not added', [1], [1, 2, 5], [2], { add: [5], remove: [], retry: [2] }],
    ['failed members that left are dropped', [1], [1], [2], { add: [], remove: [], retry: [] }],
    ['segment emptied removes everything acknowledged', [4, 9], [], [7], { add: [], remove: [4, 9], retry: [] }],
    ['duplicates in the input count once', [], [2, 2, 1], [], { add: [1, 2], remove: [], retry: [] }],
  ])('%s', (_title, acked, current, failed, expected) => {
    const plan = planAudienceSync(set(...acked), set(...current), set(...failed));
    expect({ add: list(plan.add), remove: list(plan.remove), retry: list(plan.retry) }).toEqual(expected);
  });

  it('handles keys above 2^31 as unsigned', () => {
    const plan = planAudienceSync(set(4_000_000_000), set(1, 4_000_000_001), set());
    expect(list(plan.add)).toEqual([1, 4_000_000_001]);
    expect(list(plan.remove)).toEqual([4_000_000_000]);
  });
});

describe('member sets', () => {
  it('pack and unpack round-trip', () => {
    expect(list(unpackMemberSet(packMemberSet(set(5, 1, 70_000))))).toEqual([1, 5, 70_000]);
    expect(list(unpackMemberSet(null))).toEqual([]);
  });

  it('refuses a truncated value', () => {
    expect(() => unpackMemberSet(new Uint8Array(5))).toThrow('not a multiple of 4');
  });

  it('union merges two sorted sets', () => {
    expect(list(union(set(1, 3, 5), set(2, 3, 6)))).toEqual([1, 2, 3, 5, 6]);
  });

  it('chunks at the batch limit', () => {
    expect(chunkMemberSet(set(1, 2, 3, 4, 5), 2).map(list)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
