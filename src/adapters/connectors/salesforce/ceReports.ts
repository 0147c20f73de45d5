import { z } from 'zod';
import type { CePersonRecord, CeReportDescription, PersonObject } from '../../../ports/ceCrm';
import type { PreflightFacts } from '../../../domain/conversationalEmail/preflight';
import { CrmConnectorError, isCrmConnectorError } from '../../../domain/integrations/crmErrors';
import { dataPath, type SalesforceClient } from './client';
import { queryPage, reportDescribe, reportRun } from './wire';

/** Conversational Email reads (reference §7 reports, §8 SOQL): report describe/run, people by id, describe, pre-flight. */

export const CE_IDS_PER_QUERY = 200;
const SOBJECT: Record<PersonObject, string> = { lead: 'Lead', contact: 'Contact' };

/** SOQL string literal (reference §8); ids are validated too, as they come from report cells. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function idList(ids: readonly string[]): string {
  const safe = ids.filter((id) => /^[a-zA-Z0-9]{15,18}$/.test(id));
  return safe.map((id) => `'${id}'`).join(',');
}

export async function describeCeReport(client: SalesforceClient, reportId: string): Promise<CeReportDescription> {
  const describe = await client.getJson({ path: dataPath(`/analytics/reports/${encodeURIComponent(reportId)}/describe`) }, reportDescribe);
  const meta = describe.reportMetadata;
  const columns = describe.reportExtendedMetadata?.detailColumnInfo ?? {};
  // Custom report types name their columns <Object>.<Field>: the base objects are those prefixes (§7.3 "Unknown").
  const baseObjects = [...new Set(Object.keys(columns).filter((key) => key.includes('.')).map((key) => key.split('.')[0] ?? ''))].filter((name) => /^[A-Z]/.test(name));
  return {
    id: meta.id,
    name: meta.name,
    format: meta.reportFormat,
    reportType: meta.reportType.type,
    reportTypeLabel: meta.reportType.label ?? meta.reportType.type,
    baseObjects,
    idColumnLabels: Object.values(columns).filter((info) => info.dataType === 'id').map((info) => info.label),
  };
}

export async function runCeReport(client: SalesforceClient, reportId: string, personObject: PersonObject): Promise<{ crmIds: string[]; isAllData: boolean }> {
  const run = await client.getJson({ path: dataPath(`/analytics/reports/${encodeURIComponent(reportId)}`), query: { includeDetails: 'true' } }, reportRun);
  const columns = run.reportExtendedMetadata?.detailColumnInfo ?? {};
  const wantedLabel = personObject === 'lead' ? 'lead id' : 'contact id';
  const idKey = Object.entries(columns).find(([, info]) => info.dataType === 'id' && info.label.toLowerCase() === wantedLabel)?.[0];
  const index = idKey ? run.reportMetadata.detailColumns.indexOf(idKey) : -1;
  if (index < 0) throw new CrmConnectorError('permanent', 'NO_ID_COLUMN', `The report has no ${personObject === 'lead' ? 'Lead ID' : 'Contact ID'} column.`);
  const ids = new Set<string>();
  // Tabular: T!T holds the rows; summary and matrix: the group cells do (T!T then has "rows": []).
  for (const entry of Object.values(run.factMap)) {
    for (const row of entry.rows ?? []) {
      const value = row.dataCells[index]?.value;
      if (typeof value === 'string' && value !== '') ids.add(value);
    }
  }
  return { crmIds: [...ids], isAllData: run.allData };
}

const STANDARD_FIELDS: Record<PersonObject, string[]> = {
  lead: ['Id', 'FirstName', 'LastName', 'Email', 'Title', 'Company', 'OwnerId', 'Owner.Email'],
  contact: ['Id', 'FirstName', 'LastName', 'Email', 'Title', 'AccountId', 'Account.Name', 'OwnerId', 'Owner.Email'],
};

function valueAt(record: Record<string, unknown>, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

export async function fetchCePeople(
  client: SalesforceClient,
  object: PersonObject,
  crmIds: readonly string[],
  options: { dncField: string | null; extraFields: readonly string[] },
): Promise<CePersonRecord[]> {
  const fields = [...new Set([...STANDARD_FIELDS[object], ...options.extraFields, ...(options.dncField ? [options.dncField] : [])])];
  const people: CePersonRecord[] = [];
  for (let start = 0; start < crmIds.length; start += CE_IDS_PER_QUERY) {
    const ids = idList(crmIds.slice(start, start + CE_IDS_PER_QUERY));
    if (ids === '') continue;
    const soql = `SELECT ${fields.join(', ')} FROM ${SOBJECT[object]} WHERE Id IN (${ids})`;
    let next: string | undefined;
    let page = await client.getJson({ path: dataPath('/query'), query: { q: soql } }, queryPage);
    for (;;) {
      for (const record of page.records) {
        const values: Record<string, string | null> = {};
        for (const field of fields) values[field] = text(valueAt(record, field));
        if (object === 'contact') values.Company = values['Account.Name'] ?? null;
        people.push({
          crmId: String(record.Id),
          firstName: values.FirstName ?? null,
          lastName: values.LastName ?? null,
          email: values.Email ?? null,
          ownerId: values.OwnerId ?? null,
          ownerEmail: values['Owner.Email'] ?? null,
          fields: values,
          isDoNotContact: options.dncField ? valueAt(record, options.dncField) === true : false,
        });
      }
      next = page.done ? undefined : (page.nextRecordsUrl ?? undefined);
      if (!next) break;
      page = await client.getJson({ path: next }, queryPage);
    }
  }
  return people;
}

const describeFields = z.looseObject({
  name: z.string(),
  fields: z.array(z.looseObject({ name: z.string(), updateable: z.boolean().optional() })),
  createable: z.boolean().optional(),
  updateable: z.boolean().optional(),
});

export async function describeCePersonFields(client: SalesforceClient): Promise<Record<PersonObject, { readable: string[]; updateable: string[] }>> {
  const read = async (object: PersonObject) => {
    const describe = await client.getJson({ path: dataPath(`/sobjects/${SOBJECT[object]}/describe`) }, describeFields);
    return { readable: describe.fields.map((field) => field.name), updateable: describe.fields.filter((field) => field.updateable === true).map((field) => field.name) };
  };
  return { lead: await read('lead'), contact: await read('contact') };
}

/**
 * Pre-flight facts: the edition (Organization.OrganizationType), the user's permissions (UserPermissionAccess), object
 * permissions (ObjectPermissions) and field access (describe). A 403 telling the API is disabled becomes apiRefusal.
 */
export async function readCePreflightFacts(client: SalesforceClient): Promise<Omit<PreflightFacts, 'assistantCount'>> {
  const query = (soql: string) => client.getJson({ path: dataPath('/query'), query: { q: soql } }, queryPage);
  let organization;
  try {
    organization = await query('SELECT OrganizationType FROM Organization');
  } catch (error) {
    if (isCrmConnectorError(error) && (error.code === 'API_DISABLED_FOR_ORG' || error.code === 'API_CURRENTLY_DISABLED')) {
      return { apiRefusal: `${error.code}: ${error.message}`, organizationType: null, userPermissions: {}, objectAccess: {}, readableFields: { Lead: [], Contact: [] }, isOwnerEditable: { Lead: false, Contact: false } };
    }
    throw error;
  }
  const permissions = await query('SELECT PermissionsApiEnabled, PermissionsRunReports, PermissionsViewPublicReports, PermissionsCustomizeApplication FROM UserPermissionAccess');
  const objects = await query('SELECT SobjectType, PermissionsRead, PermissionsCreate, PermissionsEdit FROM ObjectPermissions');
  const fields = await describeCePersonFields(client);
  const userPermissions: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(permissions.records[0] ?? {})) if (typeof value === 'boolean') userPermissions[key] = value;
  const objectAccess: Record<string, { read: boolean; create: boolean; edit: boolean }> = {};
  for (const record of objects.records) {
    objectAccess[String(record.SobjectType)] = { read: record.PermissionsRead === true, create: record.PermissionsCreate === true, edit: record.PermissionsEdit === true };
  }
  return {
    apiRefusal: null,
    organizationType: text(organization.records[0]?.OrganizationType),
    userPermissions,
    objectAccess,
    readableFields: { Lead: fields.lead.readable, Contact: fields.contact.readable },
    isOwnerEditable: { Lead: fields.lead.updateable.includes('OwnerId'), Contact: fields.contact.updateable.includes('OwnerId') },
  };
}
