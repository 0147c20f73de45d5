import type { MapConnector } from '../../../ports/mapConnector';
import { updateOneByOne } from '../mapKit/perRecord';
import { defaultPardotOptions, pardotClient, type PardotClientOptions } from './client';
import { customField, standardField, toMapRecord } from './map';
import { buildAuthorizationUrl, requestPardotToken } from './oauth';
import { PARDOT } from './provider';
import { customFields, prospectPage } from './wire';

const PROSPECTS = '/api/v5/objects/prospects';

/** The Pardot connector (written from ../shared/reference/pardot.md; never from the emulator's code). */
export function createPardotConnector(options: Partial<PardotClientOptions> = {}): MapConnector {
  const settings = { ...defaultPardotOptions, ...options };
  const listFields: MapConnector['listFields'] = async (ctx) => {
    const body = await pardotClient(ctx, settings).json({ method: 'GET', path: '/api/v5/objects/custom-fields', query: { fields: 'id,fieldId,name,type' } }, customFields);
    return [...PARDOT.standardFields.map(standardField), ...body.values.map(customField)];
  };
  return {
    provider: 'pardot',
    displayName: PARDOT.displayName,
    authKind: 'oauth_code',
    limits: { batchUpdateMax: PARDOT.batchUpdateMax, callsPerBatchUpdate: 'per_record', listPageMax: PARDOT.listPageMax, providerDailyQuota: PARDOT.providerDailyQuota },
    objects: PARDOT.objects,
    loginUrls: PARDOT.loginUrls,

    buildAuthorizationUrl: (auth, input) => buildAuthorizationUrl(auth, input),
    // The connect dialog waits on it: a busy login server is worded for a person (what to do).
    exchangeCode: (auth, input) =>
      requestPardotToken(auth, { grant_type: 'authorization_code', code: input.code, redirect_uri: auth.redirectUri, code_verifier: input.codeVerifier }, settings.requestTimeoutMs, true),
    refreshToken: (auth, refreshToken) => requestPardotToken(auth, { grant_type: 'refresh_token', refresh_token: refreshToken }, settings.requestTimeoutMs),

    listFields,
    async describeField(ctx, object, fieldName) {
      return (await listFields(ctx, object)).find((field) => field.name === fieldName);
    },

    async listRecords(ctx, request) {
      const limit = Math.min(request.pageSize ?? PARDOT.listPageMax, PARDOT.listPageMax);
      const fields = [...new Set([...PARDOT.recordFields, ...request.fieldNames])].join(',');
      const query: Record<string, string> = request.cursor ? { nextPageToken: request.cursor, fields } : { fields, orderBy: 'id', limit: String(limit) };
      const body = await pardotClient(ctx, settings).json({ method: 'GET', path: PROSPECTS, query }, prospectPage);
      return { records: body.values.map((prospect) => toMapRecord(prospect, request.fieldNames)), nextCursor: body.nextPageToken ?? undefined };
    },

    /** §2: one PATCH per prospect. Auth or daily-limit failures stop the batch: thrown when nothing was written yet,
     *  otherwise the unwritten records come back retryable with the provider's reason. */
    async batchUpdate(ctx, _object, updates) {
      if (updates.length > PARDOT.batchUpdateMax) throw new Error(`Pardot batches hold at most ${PARDOT.batchUpdateMax} records; got ${updates.length}.`);
      const client = pardotClient(ctx, settings);
      return updateOneByOne(updates, async (update) => {
        await client.send({ method: 'PATCH', path: `${PROSPECTS}/${encodeURIComponent(update.id)}`, query: { fields: 'id' }, body: update.fields });
      });
    },
  };
}

export const pardotConnector: MapConnector = createPardotConnector();
