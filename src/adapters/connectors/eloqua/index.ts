import type { MapConnector } from '../../../ports/mapConnector';
import { updateOneByOne } from '../mapKit/perRecord';
import { defaultEloquaOptions, eloquaClient, type EloquaClientOptions } from './client';
import { toFieldDescription, toMapRecord } from './map';
import { buildAuthorizationUrl, connectWithBasic, requestEloquaToken } from './oauth';
import { ELOQUA } from './provider';
import { contact, contactPage, fieldPage } from './wire';

/** The Eloqua connector (written from ../shared/reference/eloqua.md; never from the emulator's code). */
export function createEloquaConnector(options: Partial<EloquaClientOptions> = {}): MapConnector {
  const settings = { ...defaultEloquaOptions, ...options };
  const listAllFields = async (ctx: Parameters<MapConnector['listFields']>[0]) => {
    const fields = [];
    for (let page = 1; ; page++) {
      const body = await eloquaClient(ctx, settings).json({ method: 'GET', path: '/assets/contact/fields', query: { depth: 'complete', count: String(ELOQUA.listPageMax), page: String(page) } }, fieldPage);
      fields.push(...body.elements.map(toFieldDescription));
      if (page * body.pageSize >= body.total || body.elements.length === 0) return fields;
    }
  };
  return {
    provider: 'eloqua',
    displayName: ELOQUA.displayName,
    authKind: 'oauth_code',
    limits: { batchUpdateMax: ELOQUA.batchUpdateMax, callsPerBatchUpdate: 'per_record', listPageMax: ELOQUA.listPageMax, providerDailyQuota: ELOQUA.providerDailyQuota },
    objects: ELOQUA.objects,
    loginUrls: ELOQUA.loginUrls,

    buildAuthorizationUrl: (auth, input) => buildAuthorizationUrl(auth, input),
    // The connect dialog waits on these two: transient failures are worded for a person (what to do).
    exchangeCode: (auth, input) => requestEloquaToken(auth, { grant_type: 'authorization_code', code: input.code, redirect_uri: auth.redirectUri }, settings.requestTimeoutMs, true),
    connectWithCredentials: (auth) => connectWithBasic(auth, settings.requestTimeoutMs, true),
    refreshToken: (auth, refreshToken) =>
      auth.extra.authKind === 'basic'
        ? connectWithBasic(auth, settings.requestTimeoutMs)
        : requestEloquaToken(auth, { grant_type: 'refresh_token', refresh_token: refreshToken, scope: 'full', redirect_uri: auth.redirectUri }, settings.requestTimeoutMs),

    async listFields(ctx) {
      return (await listAllFields(ctx)).filter((field) => field.isWritable);
    },
    async describeField(ctx, _object, fieldName) {
      return (await listAllFields(ctx)).find((field) => field.name === fieldName);
    },

    async listRecords(ctx, request) {
      const count = Math.min(request.pageSize ?? ELOQUA.listPageMax, ELOQUA.listPageMax);
      const page = request.cursor ? Number(request.cursor) : 1;
      const body = await eloquaClient(ctx, settings).json({ method: 'GET', path: '/data/contacts', query: { depth: 'complete', count: String(count), page: String(page) } }, contactPage);
      const records = body.elements.map((element) => toMapRecord(element, request.fieldNames));
      return { records, nextCursor: page * count < body.total && records.length > 0 ? String(page + 1) : undefined };
    },

    /** §2: one PUT per contact with its e-mail and the changed fieldValues (read first when the e-mail is not given). */
    async batchUpdate(ctx, _object, updates) {
      if (updates.length > ELOQUA.batchUpdateMax) throw new Error(`Eloqua batches hold at most ${ELOQUA.batchUpdateMax} records; got ${updates.length}.`);
      const client = eloquaClient(ctx, settings);
      return updateOneByOne(updates, async (update) => {
        const path = `/data/contact/${encodeURIComponent(update.id)}`;
        const emailAddress = update.email ?? (await client.json({ method: 'GET', path }, contact)).emailAddress;
        const fieldValues = Object.entries(update.fields).map(([id, value]) => ({ type: 'FieldValue', id, value: value ?? '' }));
        await client.json({ method: 'PUT', path, body: { type: 'Contact', id: update.id, emailAddress, fieldValues } }, contact);
      });
    },
  };
}

export const eloquaConnector: MapConnector = createEloquaConnector();
