import { formatDateTime, isIdShaped } from './ids';
import { findField, sobjectForId, type SObjectDefinition } from './schema';
import type { FieldValue, SalesforceOrgState, SObjectRecord } from './state';

/** A record-level save error: these use `statusCode`, unlike top-level REST errors (`errorCode`). */
export interface SaveError {
  readonly statusCode: string;
  readonly message: string;
  readonly fields: string[];
}

export type CheckedWrite = { isValid: true; fields: Record<string, FieldValue> } | { isValid: false; errors: SaveError[] };

const RESTRICTED_PICKLISTS = new Set(['Task.Status', 'Task.Priority', 'Task.TaskSubtype']);
const REQUIRED_ON_CREATE: Record<string, string[]> = { Account: ['Name'], Contact: ['LastName'], Lead: ['LastName', 'Company'] };
/** Org defaults for Task (Status and Priority are required, with defaults). */
const CREATE_DEFAULTS: Record<string, Record<string, FieldValue>> = { Task: { Status: 'Not Started', Priority: 'Normal', TaskSubtype: 'Task' } };

/** Checks a create or update body against the schema and the integration user's field access; canonicalises names. */
export function checkWrite(state: SalesforceOrgState, sobject: SObjectDefinition, body: Record<string, unknown>, mode: 'create' | 'update'): CheckedWrite {
  const errors: SaveError[] = [];
  const fields: Record<string, FieldValue> = mode === 'create' ? { ...(CREATE_DEFAULTS[sobject.name] ?? {}) } : {};
  for (const [name, raw] of Object.entries(body)) {
    if (name === 'attributes' || (mode === 'update' && name.toLowerCase() === 'id')) continue;
    const field = findField(sobject, name);
    if (!field || state.isFieldHidden(sobject.name, field.name)) {
      errors.push({ statusCode: 'INVALID_FIELD', message: `No such column '${name}' on sobject of type ${sobject.name}`, fields: [] });
      continue;
    }
    if (mode === 'create' ? !field.isCreateable : !field.isUpdateable) {
      errors.push({ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: `Unable to ${mode} fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, fields: [field.name] });
      continue;
    }
    if (raw !== null && typeof raw === 'object') {
      errors.push({ statusCode: 'JSON_PARSER_ERROR', message: `Cannot deserialize instance of ${field.type} from START_OBJECT value for field ${field.name}`, fields: [field.name] });
      continue;
    }
    const value = raw === undefined ? null : (raw as FieldValue);
    if (value === null) {
      if (!field.isNillable) errors.push({ statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${field.name}]`, fields: [field.name] });
      else fields[field.name] = null;
      continue;
    }
    if (typeof value === 'string' && field.length > 0 && value.length > field.length && field.type !== 'id' && field.type !== 'reference') {
      errors.push({ statusCode: 'STRING_TOO_LONG', message: `${field.label}: data value too large: ${value.slice(0, 40)}... (max length=${field.length})`, fields: [field.name] });
      continue;
    }
    if (RESTRICTED_PICKLISTS.has(`${sobject.name}.${field.name}`) && !field.picklistValues.includes(String(value))) {
      errors.push({ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: `${field.label}: bad value for restricted picklist field: ${String(value)}`, fields: [field.name] });
      continue;
    }
    if (field.type === 'reference') {
      const target = typeof value === 'string' && isIdShaped(value) ? sobjectForId(value) : undefined;
      if (!target || !field.referenceTo.includes(target.name)) {
        errors.push({ statusCode: 'MALFORMED_ID', message: `${field.label}: id value of incorrect type: ${String(value)}`, fields: [field.name] });
        continue;
      }
      const referenced = state.get(target.name, value as string);
      if (!referenced || referenced.IsDeleted === true) {
        errors.push({ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `${field.label}: invalid cross reference id`, fields: [field.name] });
        continue;
      }
      fields[field.name] = referenced.Id;
      continue;
    }
    if (field.type === 'datetime' && typeof value === 'string') {
      const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (Number.isNaN(ms)) {
        errors.push({ statusCode: 'JSON_PARSER_ERROR', message: `Cannot deserialize instance of datetime from VALUE_STRING value ${value}`, fields: [field.name] });
        continue;
      }
      fields[field.name] = formatDateTime(new Date(ms));
      continue;
    }
    if (field.type === 'date' && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) {
      errors.push({ statusCode: 'JSON_PARSER_ERROR', message: `Cannot deserialize instance of date from VALUE_STRING value ${String(value)}`, fields: [field.name] });
      continue;
    }
    fields[field.name] = value;
  }
  if (mode === 'create') {
    const missing = (REQUIRED_ON_CREATE[sobject.name] ?? []).filter((name) => fields[name] === undefined || fields[name] === null || fields[name] === '');
    if (missing.length > 0) errors.push({ statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${missing.join(', ')}]`, fields: missing });
  }
  return errors.length > 0 ? { isValid: false, errors } : { isValid: true, fields };
}

/** The record an update targets, or the save error Salesforce gives for a bad, foreign or missing id. */
export function findTarget(state: SalesforceOrgState, sobject: SObjectDefinition, id: unknown): SObjectRecord | SaveError {
  if (typeof id !== 'string' || id === '') return { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] };
  if (!isIdShaped(id) || id.slice(0, 3) !== sobject.keyPrefix) {
    return { statusCode: 'MALFORMED_ID', message: `${sobject.label} ID: id value of incorrect type: ${id}`, fields: ['Id'] };
  }
  const record = state.get(sobject.name, id);
  if (!record) return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] };
  if (record.IsDeleted === true) return { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] };
  return record;
}

/** A record as GET /sobjects/{type}/{id} returns it: attributes then every visible field (or the requested ones). */
export function renderRecord(state: SalesforceOrgState, sobject: SObjectDefinition, record: SObjectRecord, version: string, fieldNames?: string[]): Record<string, unknown> {
  const output: Record<string, unknown> = { attributes: { type: sobject.name, url: `/services/data/v${version}/sobjects/${sobject.name}/${record.Id}` } };
  const wanted = fieldNames?.map((name) => findField(sobject, name)?.name).filter((name): name is string => name !== undefined);
  for (const field of sobject.fields) {
    if (state.isFieldHidden(sobject.name, field.name)) continue;
    if (wanted && !wanted.includes(field.name)) continue;
    output[field.name] = record[field.name] ?? null;
  }
  return output;
}
