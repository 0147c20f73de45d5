import { z } from 'zod';
import type { CrmCallContext } from '../../../ports/crmConnector';
import type { CeCrmGateway, CeFieldSpec, CeRecordUpdate, CeTaskInput, CeWriteResult, PersonObject } from '../../../ports/ceCrm';
import { isCrmConnectorError } from '../../../domain/integrations/crmErrors';
import { dataPath, defaultClientOptions, SalesforceClient, type SalesforceClientOptions } from './client';
import { CE_IDS_PER_QUERY, describeCePersonFields, describeCeReport, fetchCePeople, readCePreflightFacts, runCeReport, soqlString } from './ceReports';
import { queryPage } from './wire';

/**
 * Conversational Email writes (reference §9): sObject Collections of at most 200 records with allOrNone false and
 * per-record results, Tasks, Tooling API custom fields. The gateway below implements ports/ceCrm.ts.
 */
export const COLLECTION_LIMIT = 200;
const SOBJECT: Record<PersonObject, string> = { lead: 'Lead', contact: 'Contact' };

const saveResults = z.array(
  z.looseObject({
    id: z.string().nullish(),
    success: z.boolean(),
    errors: z.array(z.looseObject({ statusCode: z.string().optional(), message: z.string().optional() })).default([]),
  }),
);

function toResult(result: z.output<typeof saveResults>[number]): CeWriteResult {
  if (result.success && result.id) return { isSuccess: true, id: result.id };
  const first = result.errors[0];
  return { isSuccess: false, code: first?.statusCode ?? 'UNKNOWN', message: first?.message ?? 'Salesforce did not save the record.' };
}

async function collection(client: SalesforceClient, method: 'POST' | 'PATCH', records: Array<Record<string, unknown>>): Promise<CeWriteResult[]> {
  const results: CeWriteResult[] = [];
  for (let start = 0; start < records.length; start += COLLECTION_LIMIT) {
    const chunk = records.slice(start, start + COLLECTION_LIMIT);
    const body = await client.getJson({ method, path: dataPath('/composite/sobjects'), body: { allOrNone: false, records: chunk } }, saveResults);
    // Results keep request order (§9).
    results.push(...chunk.map((_record, index) => (body[index] ? toResult(body[index]) : { isSuccess: false as const, code: 'MISSING_RESULT', message: 'Salesforce returned no result for this record.' })));
  }
  return results;
}

export function taskDescription(task: CeTaskInput): string {
  // Description is 32,000 characters (§9); the marker line must survive the cut.
  const marker = `\n\n[${task.marker}]`;
  return task.description.slice(0, 32_000 - marker.length) + marker;
}

function updateRecords(client: SalesforceClient, updates: readonly CeRecordUpdate[]): Promise<CeWriteResult[]> {
  return collection(client, 'PATCH', updates.map((update) => ({ attributes: { type: SOBJECT[update.object] }, id: update.crmId, ...update.fields })));
}

function createTasks(client: SalesforceClient, tasks: readonly CeTaskInput[]): Promise<CeWriteResult[]> {
  return collection(
    client,
    'POST',
    tasks.map((task) => ({
      attributes: { type: 'Task' },
      WhoId: task.whoId,
      Subject: task.subject.slice(0, 255),
      ActivityDate: task.activityDate,
      Status: task.status,
      Priority: task.priority,
      Description: taskDescription(task),
      TaskSubtype: task.taskSubtype,
    })),
  );
}

async function findTasksByMarker(client: SalesforceClient, whoIds: readonly string[], since: Date, markers: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const wanted = new Set(markers);
  const stamp = since.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (let start = 0; start < whoIds.length; start += CE_IDS_PER_QUERY) {
    const ids = whoIds.slice(start, start + CE_IDS_PER_QUERY).filter((id) => /^[a-zA-Z0-9]{15,18}$/.test(id)).map((id) => `'${id}'`).join(',');
    if (ids === '') continue;
    const page = await client.getJson({ path: dataPath('/query'), query: { q: `SELECT Id, Description FROM Task WHERE WhoId IN (${ids}) AND CreatedDate >= ${stamp}` } }, queryPage);
    for (const record of page.records) {
      const match = /\[(openabm:[^\]]+)\]\s*$/.exec(String(record.Description ?? ''));
      if (match?.[1] && wanted.has(match[1])) found.set(match[1], String(record.Id));
    }
  }
  return found;
}

async function createCustomField(client: SalesforceClient, object: PersonObject, spec: CeFieldSpec): Promise<'created' | 'exists'> {
  const metadata: Record<string, unknown> = { label: spec.label, type: spec.type };
  if (spec.type === 'Text') metadata.length = spec.length ?? 255;
  if (spec.type === 'Checkbox') metadata.defaultValue = 'false';
  try {
    await client.send({ method: 'POST', path: dataPath('/tooling/sobjects/CustomField'), body: { FullName: `${SOBJECT[object]}.${spec.apiName}`, Metadata: metadata } });
    return 'created';
  } catch (error) {
    // Tolerate "already there" so setup can run again (STYLE.md §3.8).
    if (isCrmConnectorError(error) && error.code === 'DUPLICATE_DEVELOPER_NAME') return 'exists';
    throw error;
  }
}

async function findUserIdByEmail(client: SalesforceClient, email: string): Promise<string | undefined> {
  const page = await client.getJson({ path: dataPath('/query'), query: { q: `SELECT Id FROM User WHERE Email = ${soqlString(email)} AND IsActive = true LIMIT 1` } }, queryPage);
  const id = page.records[0]?.Id;
  return typeof id === 'string' ? id : undefined;
}

export function createSalesforceCeGateway(options: Partial<SalesforceClientOptions> = {}): CeCrmGateway {
  const clientOptions: SalesforceClientOptions = { ...defaultClientOptions, ...options };
  const client = (ctx: CrmCallContext) => new SalesforceClient(ctx, clientOptions);
  return {
    describeReport: (ctx, reportId) => describeCeReport(client(ctx), reportId),
    runReport: (ctx, reportId, personObject) => runCeReport(client(ctx), reportId, personObject),
    fetchPeople: (ctx, object, ids, options) => fetchCePeople(client(ctx), object, ids, options),
    describePersonFields: (ctx) => describeCePersonFields(client(ctx)),
    createCustomField: (ctx, object, spec) => createCustomField(client(ctx), object, spec),
    readPreflightFacts: (ctx) => readCePreflightFacts(client(ctx)),
    updateRecords: (ctx, updates) => updateRecords(client(ctx), updates),
    createTasks: (ctx, tasks) => createTasks(client(ctx), tasks),
    findTasksByMarker: (ctx, whoIds, since, markers) => findTasksByMarker(client(ctx), whoIds, since, markers),
    findUserIdByEmail: (ctx, email) => findUserIdByEmail(client(ctx), email),
  };
}

export const salesforceCeGateway: CeCrmGateway = createSalesforceCeGateway();
