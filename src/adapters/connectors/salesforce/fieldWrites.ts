import { z } from 'zod';
import { isCrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmCallContext } from '../../../ports/crmConnector';
import type { MapFieldDescription, MapFieldKind, MapUpdateResult } from '../../../ports/mapConnector';
import { dataPath, defaultClientOptions, SalesforceClient } from './client';
import { queryPage } from './wire';

/**
 * Segment-name write-back on Lead, Account and Contact (reference/salesforce.md §8, §9): field describe with type
 * and length, paged reads of the target field, and sObject Collections updates of at most 200 records with
 * per-record results. Field descriptions use the MAP port's shape so enrichment treats every target alike.
 */
export const SALESFORCE_WRITE_BACK = {
  /** §9: "≤ 200 records" per sObject Collections request. */
  collectionRecordMax: 200,
  /** §8: up to 2,000 records per query batch. */
  queryPageMax: 2_000,
  objects: [
    { name: 'Lead', label: 'Leads', isDefault: true },
    { name: 'Account', label: 'Accounts', isDefault: false },
    { name: 'Contact', label: 'Contacts', isDefault: false },
  ],
  /** Record-level codes that may succeed on a later try. */
  retryableStatusCodes: ['UNABLE_TO_LOCK_ROW', 'REQUEST_RUNNING_TOO_LONG', 'SERVER_UNAVAILABLE'],
} as const;

const describedField = z.looseObject({
  name: z.string(),
  label: z.string().optional(),
  type: z.string(),
  length: z.number().optional(),
  updateable: z.boolean().optional(),
  custom: z.boolean().optional(),
  picklistValues: z.array(z.looseObject({ value: z.string() })).optional(),
});
const describeResponse = z.looseObject({ name: z.string(), fields: z.array(describedField) });
const collectionResults = z.array(
  z.looseObject({
    id: z.string().nullish(),
    success: z.boolean(),
    errors: z.array(z.looseObject({ statusCode: z.string().optional(), message: z.string().optional() })).default([]),
  }),
);

const KIND_BY_TYPE: Readonly<Record<string, MapFieldKind>> = {
  string: 'string', textarea: 'text', multipicklist: 'multi_select', picklist: 'string', email: 'email', url: 'string', phone: 'string',
  int: 'number', double: 'number', currency: 'number', percent: 'number', date: 'date', datetime: 'date', boolean: 'boolean',
};

function toFieldDescription(field: z.infer<typeof describedField>): MapFieldDescription {
  const kind = KIND_BY_TYPE[field.type] ?? 'other';
  return {
    name: field.name,
    label: field.label ?? field.name,
    kind,
    providerType: field.type,
    maxLength: kind === 'string' || kind === 'text' || kind === 'email' || kind === 'multi_select' ? field.length : undefined,
    lengthUnit: 'characters',
    isWritable: field.updateable === true,
    isCustom: field.custom === true || field.name.endsWith('__c'),
    multiValueSeparator: kind === 'multi_select' ? ';' : undefined,
    options: kind === 'multi_select' ? (field.picklistValues ?? []).map((value) => value.value) : undefined,
  };
}

const SOQL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function createSalesforceFieldWrites(ctx: CrmCallContext) {
  const client = new SalesforceClient(ctx, defaultClientOptions);
  return {
    /** Text-like fields of the object the integration user can update. */
    async listFields(object: string): Promise<MapFieldDescription[]> {
      const body = await client.getJson({ path: dataPath(`/sobjects/${encodeURIComponent(object)}/describe`) }, describeResponse);
      return body.fields.map(toFieldDescription).filter((field) => field.isWritable);
    },

    async describeField(object: string, fieldName: string): Promise<MapFieldDescription | undefined> {
      const body = await client.getJson({ path: dataPath(`/sobjects/${encodeURIComponent(object)}/describe`) }, describeResponse);
      const field = body.fields.find((candidate) => candidate.name.toLowerCase() === fieldName.toLowerCase());
      return field ? toFieldDescription(field) : undefined;
    },

    /**
     * One page of the object's records with the field (§8 query paging). `cursor` is the previous page's
     * nextRecordsUrl. Salesforce drops idle query cursors: a stale one (400/404) restarts from the first page, which is
     * safe because records already enriched read as unchanged and are not written again.
     */
    async readFieldPage(object: string, fieldName: string, cursor: string | undefined) {
      if (!SOQL_NAME.test(object) || !SOQL_NAME.test(fieldName)) throw new Error(`not an API name: ${object}.${fieldName}`);
      const first = () =>
        client.getJson(
          { path: dataPath('/query'), query: { q: `SELECT Id, ${fieldName} FROM ${object} ORDER BY Id` }, headers: { 'sforce-query-options': `batchSize=${SALESFORCE_WRITE_BACK.queryPageMax}` } },
          queryPage,
        );
      let page;
      if (cursor === undefined) page = await first();
      else {
        try {
          page = await client.getJson({ path: cursor }, queryPage);
        } catch (error) {
          if (!isCrmConnectorError(error) || error.kind !== 'permanent' || (error.httpStatus !== 400 && error.httpStatus !== 404)) throw error;
          page = await first();
        }
      }
      const records = page.records.map((record) => {
        const value = record[fieldName] ?? Object.entries(record).find(([key]) => key.toLowerCase() === fieldName.toLowerCase())?.[1];
        return { id: String(record.Id), value: typeof value === 'string' ? value : value === null || value === undefined ? null : String(value) };
      });
      return { records, nextCursor: page.done ? undefined : (page.nextRecordsUrl ?? undefined) };
    },

    /** PATCH /composite/sobjects with allOrNone false: one result per update, in order, with Salesforce's reason. */
    async updateField(object: string, fieldName: string, updates: ReadonlyArray<{ id: string; value: string | null }>): Promise<MapUpdateResult[]> {
      if (updates.length === 0) return [];
      if (updates.length > SALESFORCE_WRITE_BACK.collectionRecordMax) throw new Error(`at most ${SALESFORCE_WRITE_BACK.collectionRecordMax} records per sObject Collections request`);
      const response = await client.send({
        method: 'PATCH',
        path: dataPath('/composite/sobjects'),
        body: { allOrNone: false, records: updates.map((update) => ({ attributes: { type: object }, id: update.id, [fieldName]: update.value === '' ? null : update.value })) },
      });
      const results = collectionResults.parse(JSON.parse(response.bodyText));
      return updates.map((update, index): MapUpdateResult => {
        const result = results[index];
        if (result?.success) return { id: update.id, ok: true };
        const error = result?.errors[0];
        const code = error?.statusCode ?? 'UNKNOWN_EXCEPTION';
        return { id: update.id, ok: false, code, message: error?.message ?? 'Salesforce returned no result for this record.', isRetryable: (SALESFORCE_WRITE_BACK.retryableStatusCodes as readonly string[]).includes(code) };
      });
    },
  };
}

export type SalesforceFieldWrites = ReturnType<typeof createSalesforceFieldWrites>;
