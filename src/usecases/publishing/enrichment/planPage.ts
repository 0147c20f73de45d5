import { decideRecordWrite, fitSegmentNames, normaliseFieldValue, type ConflictPolicy, type LengthUnit } from '../../../domain/publish/segmentNameField';
import type { EnrichmentTargetRecord } from '../../../ports/enrichmentTarget';
import type { RunItem } from '../../../adapters/db/publishing/enrichmentRepo';

export const NOT_SYNCED_REASON = 'openabm has not synced this record from the CRM yet; it is enriched after the next CRM sync.';

export interface PagePlan {
  /** Records to write, with the value and the names that did not fit. */
  readonly writes: Array<{ record: EnrichmentTargetRecord; value: string; droppedNames: string[] }>;
  /** Skipped records (conflict policy, not synced) as run items. */
  readonly skipped: RunItem[];
  /** Records whose field already holds openabm's value: remembered as written by openabm (a resumed write). */
  readonly adopted: Array<{ recordId: string; value: string }>;
  readonly unchangedCount: number;
}

/** Decides every record of one page: the published segment names of its account, fitted to the field, under the policy. */
export function planPage(input: {
  records: readonly EnrichmentTargetRecord[];
  companyOf: ReadonlyMap<string, string | null>;
  namesOf: ReadonlyMap<string, readonly string[]>;
  writtenValues: ReadonlyMap<string, string>;
  policy: ConflictPolicy;
  maxLength: number | undefined;
  lengthUnit: LengthUnit;
}): PagePlan {
  const plan: PagePlan = { writes: [], skipped: [], adopted: [], unchangedCount: 0 };
  let unchanged = 0;
  for (const record of input.records) {
    if (!input.companyOf.has(record.id)) {
      plan.skipped.push({ recordId: record.id, outcome: 'skipped', oldValue: record.currentValue, newValue: null, droppedNames: [], reason: NOT_SYNCED_REASON });
      continue;
    }
    const companyId = input.companyOf.get(record.id);
    const names = companyId ? (input.namesOf.get(companyId) ?? []) : [];
    const fitted = fitSegmentNames(names, input.maxLength, input.lengthUnit);
    const current = normaliseFieldValue(record.currentValue);
    const lastWritten = input.writtenValues.get(record.id);
    const decision = decideRecordWrite({ current, desired: fitted.value, lastWritten, policy: input.policy });
    if (decision.kind === 'unchanged') {
      unchanged += 1;
      if (current !== '' && lastWritten !== current) plan.adopted.push({ recordId: record.id, value: current });
    } else if (decision.kind === 'skip') {
      plan.skipped.push({ recordId: record.id, outcome: 'skipped', oldValue: current, newValue: fitted.value, droppedNames: fitted.dropped, reason: decision.reason });
    } else {
      plan.writes.push({ record, value: decision.value, droppedNames: fitted.dropped });
    }
  }
  return { ...plan, unchangedCount: unchanged };
}
