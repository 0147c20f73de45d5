import type { MapFieldDescription, MapRecord, MapRecordUpdate, MapUpdateResult } from '../../../ports/mapConnector';
import { MARKETO } from './provider';
import type { MarketoField } from './wire';

const KINDS: Readonly<Record<string, MapFieldDescription['kind']>> = {
  string: 'string', text: 'text', email: 'email', url: 'string', phone: 'string', integer: 'number', float: 'number', currency: 'number',
  date: 'date', datetime: 'date', boolean: 'boolean',
};

export function toFieldDescription(field: MarketoField): MapFieldDescription {
  const isTextArea = field.dataType === 'text';
  return {
    name: field.rest.name,
    label: field.displayName,
    kind: KINDS[field.dataType] ?? 'other',
    providerType: field.dataType,
    maxLength: isTextArea ? MARKETO.textAreaMaxBytes : field.length,
    lengthUnit: isTextArea ? 'bytes' : 'characters',
    isWritable: field.rest.readOnly !== true,
    // describe does not say which fields are custom; openabm does not need to know.
    isCustom: false,
    multiValueSeparator: undefined,
    options: undefined,
  };
}

const text = (value: unknown): string | undefined => (value === null || value === undefined || value === '' ? undefined : String(value));

export function toMapRecord(lead: Record<string, unknown>, fieldNames: readonly string[]): MapRecord {
  return {
    id: String(lead.id),
    email: text(lead.email),
    company: text(lead.company),
    website: text(lead.website),
    modifiedAt: text(lead.updatedAt),
    fields: Object.fromEntries(fieldNames.map((name) => [name, text(lead[name]) ?? null])),
  };
}

/** §2 updateOnly by id: one input per record, the field values as they are (null clears). */
export function toSyncInput(update: MapRecordUpdate): Record<string, unknown> {
  return { id: Number(update.id), ...update.fields };
}

/** §2: results come in input order; skipped records carry reasons (1004 Lead not found). */
export function toUpdateResults(updates: readonly MapRecordUpdate[], results: readonly { status: string; reasons?: { code: string; message: string }[] | undefined }[]): MapUpdateResult[] {
  return updates.map((update, index) => {
    const result = results[index];
    if (result && (result.status === 'updated' || result.status === 'created')) return { id: update.id, ok: true };
    const reason = result?.reasons?.[0] ?? { code: 'missing', message: 'Marketo did not return a result for this record.' };
    return { id: update.id, ok: false, code: reason.code, message: reason.message, isRetryable: false };
  });
}
