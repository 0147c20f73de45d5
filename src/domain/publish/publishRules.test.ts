import { describe, expect, it } from 'vitest';
import { gtmIneligibleReason, GTM_FILTER_MESSAGE, GTM_SOURCE_MESSAGE } from './gtmEligibility';
import { isOverPublishLimit, MAX_PUBLISHED_SEGMENTS } from './publishUses';
import { gtmInUseMessage } from './savedReports';
import { decideRecordWrite, fitSegmentNames, KEPT_OTHER_VALUE_REASON } from './segmentNameField';

describe('publish limit', () => {
  const full = new Set(Array.from({ length: MAX_PUBLISHED_SEGMENTS }, (_, i) => `s${i}`));
  it.each([
    [new Set<string>(), 'new', false],
    [full, 'new', true],
    [full, 's7', false],
  ])('published %#: %s → over limit %s', (published, segmentId, expected) => {
    expect(isOverPublishLimit(published, segmentId)).toBe(expected);
  });
});

describe('GTM eligibility', () => {
  it.each([
    ['upload', [], null],
    ['crm_report', [{ kind: 'company_profile' }], null],
    ['crm_list', [{ kind: 'crm_field' }, { kind: 'in_uploaded_list' }], null],
    ['filters', [], GTM_SOURCE_MESSAGE],
    ['upload', [{ kind: 'intent_topic' }], GTM_FILTER_MESSAGE],
  ] as const)('%s with %j', (sourceType, conditions, expected) => {
    expect(gtmIneligibleReason({ sourceType, conditions })).toBe(expected);
  });

  it('names every saved report that uses a GTM segment', () => {
    expect(gtmInUseMessage('EMEA', [{ kind: 'funnel_report', name: 'Q3 funnel' }, { kind: 'custom_qualification', name: 'Hot' }])).toBe(
      '“EMEA” cannot be unpublished from GTM because it is used by: saved funnel report “Q3 funnel”, custom qualified-account definition “Hot”. Remove it from those reports first.',
    );
  });
});

describe('fitSegmentNames', () => {
  it.each([
    [['b', 'A', 'c'], undefined, 'A;b;c', []],
    [['Alpha', 'Beta', 'Gamma'], 12, 'Alpha;Beta', ['Gamma']],
    [['Alpha', 'Enormous name', 'Beta'], 10, 'Alpha;Beta', ['Enormous name']],
    [['Toolong'], 3, '', ['Toolong']],
    [[], 10, '', []],
  ] as const)('%j in %s → %s', (names, max, value, dropped) => {
    expect(fitSegmentNames(names, max)).toEqual({ value, dropped });
  });

  it('measures bytes when the field counts bytes', () => {
    expect(fitSegmentNames(['Zürich', 'Ab'], 9, 'bytes')).toEqual({ value: 'Ab', dropped: ['Zürich'] });
    expect(fitSegmentNames(['Zürich', 'Ab'], 9, 'chars')).toEqual({ value: 'Ab;Zürich', dropped: [] });
    expect(fitSegmentNames(['Zürich'], 6, 'chars')).toEqual({ value: 'Zürich', dropped: [] });
  });
});

describe('decideRecordWrite', () => {
  it.each([
    ['', '', undefined, 'overwrite', { kind: 'unchanged' }],
    ['A', 'A', undefined, 'keep_others', { kind: 'unchanged' }],
    ['', 'A', undefined, 'keep_others', { kind: 'write', value: 'A' }],
    ['typed', 'A', undefined, 'overwrite', { kind: 'write', value: 'A' }],
    ['typed', 'A', undefined, 'keep_others', { kind: 'skip', reason: KEPT_OTHER_VALUE_REASON }],
    ['typed', '', 'A', 'keep_others', { kind: 'skip', reason: KEPT_OTHER_VALUE_REASON }],
    ['A', '', 'A', 'keep_others', { kind: 'write', value: '' }],
    ['A', 'A;B', 'A', 'keep_others', { kind: 'write', value: 'A;B' }],
  ] as const)('current %j desired %j lastWritten %j %s', (current, desired, lastWritten, policy, expected) => {
    expect(decideRecordWrite({ current, desired, lastWritten, policy })).toEqual(expected);
  });
});
