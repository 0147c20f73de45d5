import type { MapFieldDescription, MapRecord } from '../../../ports/mapConnector';
import { ELOQUA } from './provider';
import type { EloquaContact, EloquaField } from './wire';

/** Fields are addressed by their numeric id inside fieldValues (§2). */
export function toFieldDescription(field: EloquaField): MapFieldDescription {
  return {
    name: field.id,
    label: field.name,
    kind: ELOQUA.kindByDataType[field.dataType] ?? 'other',
    providerType: field.dataType,
    maxLength: ELOQUA.maxLengthByDataType[field.dataType],
    lengthUnit: 'characters',
    isWritable: String(field.isReadOnly ?? 'false') !== 'true',
    isCustom: (field.internalName ?? '').startsWith('C_') && /\d$/.test(field.internalName ?? ''),
    multiValueSeparator: undefined,
    options: undefined,
  };
}

export function toMapRecord(contact: EloquaContact, fieldNames: readonly string[]): MapRecord {
  const values = new Map((contact.fieldValues ?? []).map((value) => [value.id, value.value]));
  const seconds = Number(contact.updatedAt);
  return {
    id: contact.id,
    email: contact.emailAddress || undefined,
    company: contact.accountName || undefined,
    website: undefined,
    modifiedAt: Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined,
    fields: Object.fromEntries(fieldNames.map((name) => [name, values.get(name) || null])),
  };
}
