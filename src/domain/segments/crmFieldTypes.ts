import type { FilterOperator } from './filterTree';

/** The kind of value a synced CRM field holds, as seen in the synced records: it decides which operators make sense. */
export const CRM_FIELD_TYPES = ['text', 'number', 'date', 'boolean'] as const;
export type CrmFieldType = (typeof CRM_FIELD_TYPES)[number];

/** Operators offered per type, the first one being the default. */
export const OPERATORS_BY_FIELD_TYPE: Readonly<Record<CrmFieldType, readonly FilterOperator[]>> = {
  text: ['equals', 'in', 'contains', 'is_empty'],
  number: ['range', 'equals', 'is_empty'],
  date: ['range', 'is_empty'],
  boolean: ['equals', 'is_empty'],
};

/** What one field's synced values looked like (SQL aggregates over a sample; null when every value was empty). */
export interface FieldValueFacts {
  readonly isAllNumbers: boolean | null;
  readonly isAllBooleans: boolean | null;
  readonly isAllDates: boolean | null;
}

export function crmFieldTypeOf(facts: FieldValueFacts): CrmFieldType {
  if (facts.isAllBooleans === true) return 'boolean';
  if (facts.isAllNumbers === true) return 'number';
  if (facts.isAllDates === true) return 'date';
  return 'text';
}
