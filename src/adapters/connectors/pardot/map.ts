import type { MapFieldDescription, MapRecord } from '../../../ports/mapConnector';
import { PARDOT } from './provider';
import type { PardotCustomField } from './wire';

export function standardField(field: (typeof PARDOT.standardFields)[number]): MapFieldDescription {
  return {
    name: field.name, label: field.label, kind: 'string', providerType: 'standard', maxLength: field.maxLength, lengthUnit: 'characters',
    isWritable: true, isCustom: false, multiValueSeparator: undefined, options: undefined,
  };
}

export function customField(field: PardotCustomField): MapFieldDescription {
  const known = PARDOT.customFieldTypes[field.type];
  return {
    name: field.fieldId, label: field.name, kind: known?.kind ?? 'other', providerType: field.type, maxLength: known?.maxLength, lengthUnit: 'characters',
    isWritable: true, isCustom: true, multiValueSeparator: undefined, options: undefined,
  };
}

const text = (value: unknown): string | undefined => (value === null || value === undefined || value === '' ? undefined : String(value));

export function toMapRecord(prospect: Record<string, unknown>, fieldNames: readonly string[]): MapRecord {
  return {
    id: String(prospect.id),
    email: text(prospect.email),
    company: text(prospect.company),
    website: text(prospect.website),
    modifiedAt: text(prospect.updatedAt),
    fields: Object.fromEntries(fieldNames.map((name) => [name, text(prospect[name]) ?? null])),
  };
}
