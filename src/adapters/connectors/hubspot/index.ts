import { isCrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { MapConnector, MapRecordUpdate } from '../../../ports/mapConnector';
import { hubSpotClient, defaultHubSpotOptions, type HubSpotClientOptions } from './client';
import { toFieldDescription, toMapRecord, toUpdateResults } from './map';
import { buildAuthorizationUrl, requestHubSpotToken } from './oauth';
import { HUBSPOT } from './provider';
import { batchResponse, objectPage, property, propertyList } from './wire';

const objectsPath = (object: string) => `/crm/v3/objects/${encodeURIComponent(object)}`;
const propertiesPath = (object: string) => `/crm/v3/properties/${encodeURIComponent(object)}`;

/** The HubSpot connector (written from ../shared/reference/hubspot.md; never from the emulator's code). */
export function createHubSpotConnector(options: Partial<HubSpotClientOptions> = {}): MapConnector {
  const settings = { ...defaultHubSpotOptions, ...options };
  return {
    provider: 'hubspot',
    displayName: HUBSPOT.displayName,
    authKind: 'oauth_code',
    limits: { batchUpdateMax: HUBSPOT.batchUpdateMax, callsPerBatchUpdate: 'one', listPageMax: HUBSPOT.listPageMax, providerDailyQuota: HUBSPOT.providerDailyQuota },
    objects: HUBSPOT.objects,
    loginUrls: HUBSPOT.loginUrls,

    buildAuthorizationUrl: (auth, input) => buildAuthorizationUrl(auth, input),
    // The connect dialog waits on it: a busy login server is worded for a person (what to do).
    exchangeCode: (auth, input) =>
      requestHubSpotToken(auth, { grant_type: 'authorization_code', code: input.code, redirect_uri: auth.redirectUri }, settings.requestTimeoutMs, true),
    refreshToken: (auth, refreshToken) => requestHubSpotToken(auth, { grant_type: 'refresh_token', refresh_token: refreshToken }, settings.requestTimeoutMs),

    async listFields(ctx, object) {
      const body = await hubSpotClient(ctx, settings).json({ method: 'GET', path: propertiesPath(object) }, propertyList);
      return body.results.map(toFieldDescription).filter((field) => field.isWritable);
    },

    async describeField(ctx, object, fieldName) {
      try {
        const body = await hubSpotClient(ctx, settings).json({ method: 'GET', path: `${propertiesPath(object)}/${encodeURIComponent(fieldName)}` }, property);
        return toFieldDescription(body);
      } catch (error) {
        if (isCrmConnectorError(error) && error.httpStatus === 404) return undefined;
        throw error;
      }
    },

    async createField(ctx, object, field) {
      const body = await hubSpotClient(ctx, settings).json(
        {
          method: 'POST',
          path: propertiesPath(object),
          body: { name: field.name, label: field.label, type: 'string', fieldType: 'textarea', groupName: HUBSPOT.propertyGroups[object] ?? 'contactinformation' },
        },
        property,
      );
      return toFieldDescription(body);
    },

    async listRecords(ctx, request) {
      const limit = Math.min(request.pageSize ?? HUBSPOT.listPageMax, HUBSPOT.listPageMax);
      const properties = [...new Set([...HUBSPOT.recordProperties, ...request.fieldNames])];
      const body = await hubSpotClient(ctx, settings).json(
        {
          method: 'GET',
          path: objectsPath(request.object),
          query: { limit: String(limit), properties: properties.join(','), ...(request.cursor ? { after: request.cursor } : {}) },
        },
        objectPage,
      );
      return { records: body.results.map((object) => toMapRecord(object, request.fieldNames)), nextCursor: body.paging?.next?.after };
    },

    async batchUpdate(ctx, object, updates: readonly MapRecordUpdate[]) {
      if (updates.length === 0) return [];
      if (updates.length > HUBSPOT.batchUpdateMax) throw new Error(`HubSpot batches hold at most ${HUBSPOT.batchUpdateMax} records; got ${updates.length}.`);
      const body = await hubSpotClient(ctx, settings).json(
        {
          method: 'POST',
          path: `${objectsPath(object)}/batch/update`,
          body: { inputs: updates.map((update) => ({ id: update.id, properties: Object.fromEntries(Object.entries(update.fields).map(([k, v]) => [k, v ?? ''])) })) },
        },
        batchResponse,
      );
      return toUpdateResults(updates.map((update) => update.id), new Set(body.results.map((result) => result.id)), body.errors ?? []);
    },
  };
}

export const hubSpotConnector: MapConnector = createHubSpotConnector();
