import type { FastifyInstance, FastifyReply } from 'fastify';
import { enumName } from './enums';
import { badRequest, googleErrors, sendGoogleError } from './http';
import type { GoogleState, GoogleUserList } from './state';

type Json = Record<string, unknown>;
type ListParams = { type: string; account: string; id?: string };
const DAY_SECONDS = 86_400;

/** A Data Manager UserList (proto3 JSON; int64 as strings); sizes lag behind changes by the processing delay. */
export function dataManagerView(state: GoogleState, list: GoogleUserList): Json {
  const { matched } = list.members.reported(state.nowMs());
  const lifeSpanSeconds = list.membershipLifeSpanDays >= 10_000 ? 0 : list.membershipLifeSpanDays * DAY_SECONDS;
  return {
    name: `accountTypes/GOOGLE_ADS/accounts/${list.customerId}/userLists/${list.id}`,
    id: list.id,
    readOnly: false,
    displayName: list.name,
    description: list.description,
    membershipStatus: list.membershipStatus,
    ...(lifeSpanSeconds > 0 ? { membershipDuration: `${lifeSpanSeconds}s` } : {}),
    accessReason: 'OWNED',
    accountAccessStatus: 'ENABLED',
    sizeInfo: { displayNetworkMembersCount: String(matched), searchNetworkMembersCount: String(matched), youtubeMembersCount: String(matched), gmailMembersCount: String(matched) },
    targetNetworkInfo: { eligibleForDisplay: matched >= state.options.minimumAudienceSize, eligibleForSearch: matched >= state.options.minimumAudienceSize },
    ingestedUserListInfo: {
      uploadKeyTypes: ['CONTACT_ID'],
      contactIdInfo: { dataSourceType: 'DATA_SOURCE_TYPE_FIRST_PARTY', matchRatePercentage: list.members.size === 0 ? 0 : Math.round((matched / list.members.size) * 100) },
    },
  };
}

function customerFor(state: GoogleState, params: ListParams, reply: FastifyReply, isWrite: boolean) {
  if (params.type !== 'GOOGLE_ADS') {
    sendGoogleError(reply, badRequest([{ field: 'parent', description: 'Only accountTypes/GOOGLE_ADS is supported.', reason: 'INVALID_RESOURCE_NAME' }]));
    return undefined;
  }
  const customer = state.customers.get(params.account);
  if (!customer || (isWrite && !customer.canManageAudiences)) {
    sendGoogleError(reply, googleErrors.permissionDenied(`The caller does not have permission to ${isWrite ? 'modify' : 'read'} user lists of account ${params.account}.`));
    return undefined;
  }
  return customer;
}

/** Membership duration `"2592000s"` → days (at most 540); undefined when malformed. */
function durationDays(value: unknown): number | undefined {
  if (value === undefined) return 540;
  const match = typeof value === 'string' ? /^(\d+)s$/.exec(value) : null;
  const days = match ? Math.ceil(Number(match[1]) / DAY_SECONDS) : Number.NaN;
  return Number.isFinite(days) && days >= 0 && days <= 540 ? days : undefined;
}

/** Data Manager user lists: `POST|GET /v1/accountTypes/GOOGLE_ADS/accounts/{id}/userLists`, `GET|DELETE …/userLists/{id}`. */
export function registerUserListRoutes(scope: FastifyInstance, state: GoogleState): void {
  const base = '/accountTypes/:type/accounts/:account/userLists';
  scope.post<{ Params: ListParams }>(base, async (request, reply) => {
    const customer = customerFor(state, request.params, reply, true);
    if (!customer) return reply;
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Json;
    const displayName = typeof body.displayName === 'string' ? body.displayName.trim() : '';
    if (!displayName) return sendGoogleError(reply, badRequest([{ field: 'user_list.display_name', description: 'display_name is required.', reason: 'REQUIRED_FIELD_MISSING' }]));
    if (state.liveListsOf(customer.id).some((list) => list.name === displayName)) {
      return sendGoogleError(reply, badRequest([{ field: 'user_list.display_name', description: `A user list named "${displayName}" already exists.`, reason: 'DISPLAY_NAME_ALREADY_USED' }]));
    }
    const days = durationDays(body.membershipDuration);
    if (days === undefined) return sendGoogleError(reply, badRequest([{ field: 'user_list.membership_duration', description: 'membership_duration must be at most 540 days, in seconds ("2592000s").', reason: 'MEMBERSHIP_DURATION_TOO_LONG' }]));
    const keyTypes = (body.ingestedUserListInfo as Json | undefined)?.uploadKeyTypes;
    if (!Array.isArray(keyTypes) || !keyTypes.some((keyType) => enumName('uploadKeyType', keyType) === 'CONTACT_ID')) {
      return sendGoogleError(reply, badRequest([{ field: 'user_list.ingested_user_list_info.upload_key_types', description: 'upload_key_types must include CONTACT_ID for customer-list audiences.', reason: 'UNSUPPORTED_USER_LIST_UPLOAD_KEY_TYPES' }]));
    }
    if (request.query && (request.query as Json).validateOnly === 'true') return {};
    const list = state.createUserList(customer.id, { name: displayName, description: typeof body.description === 'string' ? body.description : '', membershipLifeSpanDays: days, membershipStatus: enumName('membershipStatus', body.membershipStatus) === 'CLOSED' ? 'CLOSED' : 'OPEN' });
    return dataManagerView(state, list);
  });
  scope.get<{ Params: ListParams; Querystring: { pageSize?: string; pageToken?: string } }>(base, async (request, reply) => {
    const customer = customerFor(state, request.params, reply, false);
    if (!customer) return reply;
    const lists = state.liveListsOf(customer.id);
    const size = Math.min(Math.max(Number(request.query.pageSize ?? 100) || 100, 1), 1_000);
    const start = Number(request.query.pageToken ?? 0) || 0;
    const page = lists.slice(start, start + size);
    return { userLists: page.map((list) => dataManagerView(state, list)), ...(start + size < lists.length ? { nextPageToken: String(start + size) } : {}) };
  });
  const one = (params: ListParams, reply: FastifyReply, isWrite: boolean) => {
    const customer = customerFor(state, params, reply, isWrite);
    if (!customer) return undefined;
    const list = state.userLists.get(params.id ?? '');
    if (!list || list.isDeleted || list.customerId !== customer.id) {
      sendGoogleError(reply, googleErrors.notFound(`User list ${params.id ?? ''} was not found in account ${customer.id}.`));
      return undefined;
    }
    return list;
  };
  scope.get<{ Params: ListParams }>(`${base}/:id`, async (request, reply) => {
    const list = one(request.params, reply, false);
    return list ? dataManagerView(state, list) : reply;
  });
  scope.delete<{ Params: ListParams }>(`${base}/:id`, async (request, reply) => {
    const list = one(request.params, reply, true);
    if (!list) return reply;
    list.isDeleted = true;
    return {};
  });
}
