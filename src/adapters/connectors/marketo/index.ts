import type { MapConnector, MapRecord } from '../../../ports/mapConnector';
import { defaultMarketoOptions, marketoClient, requestMarketoToken, type MarketoClientOptions } from './client';
import { toFieldDescription, toMapRecord, toSyncInput, toUpdateResults } from './map';
import { MARKETO } from './provider';
import { describeResult, leadsResult, syncResult } from './wire';

const LEADS = '/rest/v1/leads.json';

function idWindow(start: number, size: number): string {
  return Array.from({ length: size }, (_, index) => String(start + index)).join(',');
}

/** The Marketo connector (written from ../shared/reference/marketo.md; never from the emulator's code). */
export function createMarketoConnector(options: Partial<MarketoClientOptions> = {}): MapConnector {
  const settings = { ...defaultMarketoOptions, ...options };
  return {
    provider: 'marketo',
    displayName: MARKETO.displayName,
    authKind: 'client_credentials',
    limits: { batchUpdateMax: MARKETO.batchUpdateMax, callsPerBatchUpdate: 'one', listPageMax: MARKETO.listPageMax, providerDailyQuota: MARKETO.providerDailyQuota },
    objects: MARKETO.objects,
    loginUrls: MARKETO.loginUrls,

    // The connect dialog waits on it: a busy identity service is worded for a person (what to do).
    connectWithCredentials: (auth) => requestMarketoToken(auth, settings.requestTimeoutMs, true),
    refreshToken: (auth) => requestMarketoToken(auth, settings.requestTimeoutMs),

    async listFields(ctx) {
      const body = await marketoClient(ctx, settings).json({ method: 'GET', path: '/rest/v1/leads/describe.json' }, describeResult);
      return body.result.map(toFieldDescription).filter((field) => field.isWritable);
    },

    async describeField(ctx, _object, fieldName) {
      const body = await marketoClient(ctx, settings).json({ method: 'GET', path: '/rest/v1/leads/describe.json' }, describeResult);
      const field = body.result.find((candidate) => candidate.rest.name === fieldName);
      return field ? toFieldDescription(field) : undefined;
    },

    /** Walks id windows of 300 (filterType=id); the cursor is the next window's first id. */
    async listRecords(ctx, request) {
      const size = Math.min(request.pageSize ?? MARKETO.listPageMax, MARKETO.listPageMax);
      const fields = [...new Set([...MARKETO.recordFields, ...request.fieldNames])].join(',');
      let start = request.cursor ? Number(request.cursor) : 1;
      for (let empty = 0; empty < MARKETO.emptyWindowsBeforeEnd; empty++) {
        const body = await marketoClient(ctx, settings).json(
          { method: 'GET', path: LEADS, query: { filterType: 'id', filterValues: idWindow(start, size), fields, batchSize: String(size) } },
          leadsResult,
        );
        start += size;
        const records: MapRecord[] = body.result.map((lead) => toMapRecord(lead, request.fieldNames));
        if (records.length > 0) return { records, nextCursor: String(start) };
      }
      return { records: [], nextCursor: undefined };
    },

    async batchUpdate(ctx, _object, updates) {
      if (updates.length === 0) return [];
      if (updates.length > MARKETO.batchUpdateMax) throw new Error(`Marketo batches hold at most ${MARKETO.batchUpdateMax} records; got ${updates.length}.`);
      const body = await marketoClient(ctx, settings).json(
        { method: 'POST', path: LEADS, body: { action: 'updateOnly', lookupField: 'id', asyncProcessing: false, input: updates.map(toSyncInput) } },
        syncResult,
      );
      return toUpdateResults(updates, body.result);
    },
  };
}

export const marketoConnector: MapConnector = createMarketoConnector();
