import type { MapFieldDescription, MapRecord, MapUpdateResult } from '../../../ports/mapConnector';
import { HUBSPOT } from './provider';
import type { HubSpotProperty } from './wire';

/** HubSpot property → our field description. */
export function toFieldDescription(property: HubSpotProperty): MapFieldDescription {
  const isMulti = property.type === 'enumeration' && property.fieldType === 'checkbox';
  const kind = isMulti
    ? 'multi_select'
    : property.type === 'string'
      ? property.fieldType === 'textarea'
        ? 'text'
        : 'string'
      : property.type === 'number'
        ? 'number'
        : property.type === 'date' || property.type === 'datetime'
          ? 'date'
          : property.type === 'bool'
            ? 'boolean'
            : 'other';
  return {
    name: property.name,
    label: property.label,
    kind,
    providerType: `${property.type}/${property.fieldType}`,
    maxLength: property.type === 'string' || isMulti ? HUBSPOT.textMaxLength : undefined,
    lengthUnit: 'characters',
    isWritable: property.modificationMetadata?.readOnlyValue !== true && property.calculated !== true,
    isCustom: property.hubspotDefined !== true,
    multiValueSeparator: isMulti ? HUBSPOT.multiValueSeparator : undefined,
    options: isMulti ? (property.options ?? []).map((option) => option.value) : undefined,
  };
}

export function toMapRecord(object: { id: string; properties: Record<string, string | null>; updatedAt?: string | undefined }, fieldNames: readonly string[]): MapRecord {
  const p = object.properties;
  return {
    id: object.id,
    email: p.email ?? undefined,
    company: p.company ?? p.name ?? undefined,
    website: p.website ?? p.domain ?? undefined,
    modifiedAt: object.updatedAt ?? p.hs_lastmodifieddate ?? undefined,
    fields: Object.fromEntries(fieldNames.map((name) => [name, p[name] ?? null])),
  };
}

/**
 * §2: results list the written records; a 207 lists errors whose context names the ids (`context.ids`). An input
 * neither written nor named keeps the batch's first error, so no record is reported written that was not.
 */
export function toUpdateResults(
  ids: readonly string[],
  written: ReadonlySet<string>,
  errors: readonly { message?: string | undefined; category?: string | undefined; context?: Record<string, unknown> | undefined }[],
): MapUpdateResult[] {
  const byId = new Map<string, { code: string; message: string }>();
  for (const error of errors) {
    const contextIds = Array.isArray(error.context?.ids) ? (error.context.ids as unknown[]).map(String) : [];
    for (const id of contextIds) byId.set(id, { code: error.category ?? 'error', message: error.message ?? 'HubSpot refused the record.' });
  }
  const fallback = errors[0] ? { code: errors[0].category ?? 'error', message: errors[0].message ?? 'HubSpot refused the record.' } : undefined;
  return ids.map((id) => {
    if (written.has(id)) return { id, ok: true };
    const failure = byId.get(id) ?? fallback ?? { code: 'missing', message: 'HubSpot did not return this record.' };
    return { id, ok: false, code: failure.code, message: failure.message, isRetryable: false };
  });
}
