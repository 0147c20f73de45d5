/**
 * Pure rules of Segment Name Enrichment: the value written into a record's field, what to do when the names do
 * not fit, and whether to write under the orchestration's conflict policy.
 */
// The separator of reference/salesforce.md §9's example ("ICP Tier 1;Q3 Intent") and of HubSpot multi-value fields.
export const SEGMENT_NAME_SEPARATOR = ';';

export type LengthUnit = 'chars' | 'bytes';
export type ConflictPolicy = 'overwrite' | 'keep_others';

function measure(text: string, unit: LengthUnit): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

/**
 * The names joined in a stable order (sorted, case-insensitively, so a second run produces the same text). When a
 * maximum length is given and they do not fit, whole names are dropped — never cut — and reported.
 */
export function fitSegmentNames(names: readonly string[], maxLength: number | undefined, unit: LengthUnit = 'chars'): { value: string; dropped: string[] } {
  const sorted = [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0));
  if (maxLength === undefined || measure(sorted.join(SEGMENT_NAME_SEPARATOR), unit) <= maxLength) return { value: sorted.join(SEGMENT_NAME_SEPARATOR), dropped: [] };
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const name of sorted) {
    const candidate = [...kept, name].join(SEGMENT_NAME_SEPARATOR);
    if (measure(candidate, unit) <= maxLength) kept.push(name);
    else dropped.push(name);
  }
  return { value: kept.join(SEGMENT_NAME_SEPARATOR), dropped };
}

/** Empty strings and null are the same "no value" to every target system. */
export function normaliseFieldValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

export type RecordDecision =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'write'; readonly value: string }
  | { readonly kind: 'skip'; readonly reason: string };

export const KEPT_OTHER_VALUE_REASON = 'The field holds a value openabm did not write (conflict policy: keep values openabm did not write).';

/**
 * Whether to write one record. `lastWritten` is what openabm last wrote into it (undefined: never). Under
 * "keep_others" a non-empty value that openabm did not write is left alone — including when it should be cleared.
 */
export function decideRecordWrite(input: { current: string; desired: string; lastWritten: string | undefined; policy: ConflictPolicy }): RecordDecision {
  if (input.current === input.desired) return { kind: 'unchanged' };
  if (input.policy === 'keep_others' && input.current !== '' && input.current !== input.lastWritten) return { kind: 'skip', reason: KEPT_OTHER_VALUE_REASON };
  return { kind: 'write', value: input.desired };
}
