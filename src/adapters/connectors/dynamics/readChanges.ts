import type { CrmRecordPage, ReadChangesRequest } from '../../../ports/crmConnector';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { DynamicsClient } from './client';
import { toCrmRecord } from './map';
import { DYNAMICS_PROVIDER } from './provider';
import { collectionSchema } from './wire';

/** Dataverse datetime literals are unquoted ISO instants, to the second (reference §4 OData queries). */
function odataInstant(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw new CrmConnectorError('permanent', 'bad_cursor', `Not an ISO 8601 instant: ${iso}`);
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The first page's query: changed rows, oldest first (ties broken by id so paging is stable). */
export function changesQuery(request: ReadChangesRequest): string {
  const { objectType } = request;
  const entitySet = DYNAMICS_PROVIDER.entitySets[objectType];
  const primaryId = DYNAMICS_PROVIDER.primaryIds[objectType];
  const parts = [`$select=${DYNAMICS_PROVIDER.syncColumns[objectType].join(',')}`];
  if (request.modifiedSince !== undefined) parts.push(`$filter=${encodeURIComponent(`modifiedon ge ${odataInstant(request.modifiedSince)}`)}`);
  parts.push(`$orderby=${encodeURIComponent(`modifiedon asc,${primaryId} asc`)}`);
  return `${entitySet}?${parts.join('&')}`;
}

/** One page of the daily sync; the next page is the server's @odata.nextLink, followed unchanged (reference §4). */
export async function readChanges(client: DynamicsClient, request: ReadChangesRequest, pageSize: number): Promise<CrmRecordPage> {
  const prefer = `odata.maxpagesize=${pageSize},odata.include-annotations="OData.Community.Display.V1.FormattedValue"`;
  const body = collectionSchema.safeParse(await client.getJson(request.pageToken ?? changesQuery(request), prefer));
  if (!body.success) throw new CrmConnectorError('permanent', 'bad_response', 'Dynamics 365 answered with an unexpected collection body.');
  return {
    records: body.data.value.map((row) => toCrmRecord(request.objectType, row)),
    nextPageToken: body.data['@odata.nextLink'],
  };
}
