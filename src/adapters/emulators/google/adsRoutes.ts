import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adsFailure, sendGoogleError } from './http';
import type { GoogleAdsCustomer, GoogleState, GoogleUserList } from './state';

type Json = Record<string, unknown>;
type CustomerParams = { version: string; customerId: string };

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

function userListRow(state: GoogleState, list: GoogleUserList): Json {
  const { matched } = list.members.reported(state.nowMs());
  return {
    resourceName: `customers/${list.customerId}/userLists/${list.id}`,
    id: list.id,
    name: list.name,
    description: list.description,
    type: 'CRM_BASED',
    membershipStatus: list.membershipStatus,
    membershipLifeSpan: String(list.membershipLifeSpanDays),
    sizeForDisplay: String(matched),
    sizeForSearch: String(matched),
    eligibleForSearch: matched >= state.options.minimumAudienceSize,
    matchRatePercentage: list.members.size === 0 ? 0 : Math.round((matched / list.members.size) * 100),
    crmBasedUserList: { uploadKeyType: 'CONTACT_INFO', dataSourceType: 'FIRST_PARTY' },
  };
}

function customerRow(customer: GoogleAdsCustomer): Json {
  return { resourceName: `customers/${customer.id}`, id: customer.id, descriptiveName: customer.descriptiveName, currencyCode: customer.currencyCode, manager: customer.isManager, testAccount: false };
}

/** A small GAQL subset: `SELECT a.b, … FROM customer|user_list [WHERE x.y = 'v' [AND …]] [LIMIT n]`. */
function runQuery(state: GoogleState, customer: GoogleAdsCustomer, query: string): { rows: Json[]; fieldMask: string } | string {
  const match = /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+.+?)?(?:\s+LIMIT\s+(\d+))?\s*$/is.exec(query);
  if (!match) return 'The query could not be parsed.';
  const [, selectPart = '', resource = '', wherePart, limitPart] = match;
  const fields = selectPart.split(',').map((field) => field.trim());
  if (resource !== 'customer' && resource !== 'user_list') return `Resource ${resource} is not supported by the emulator (customer, user_list).`;
  const conditions = wherePart ? wherePart.split(/\s+AND\s+/i) : [];
  let rows = resource === 'customer' ? [customerRow(customer)] : state.liveListsOf(customer.id).map((list) => userListRow(state, list));
  for (const condition of conditions) {
    const parsed = /^\s*(\w+)\.(\w+)\s*=\s*'?([^']*)'?\s*$/.exec(condition);
    if (!parsed || parsed[1] !== resource) return `Condition "${condition.trim()}" is not supported by the emulator (only field = value).`;
    const key = camel(parsed[2] ?? '');
    rows = rows.filter((row) => String(row[key]) === parsed[3]);
  }
  if (limitPart) rows = rows.slice(0, Number(limitPart));
  const wrapper = camel(resource);
  const projected = rows.map((row) => ({
    [wrapper]: Object.fromEntries([['resourceName', row.resourceName], ...fields.filter((field) => field.startsWith(`${resource}.`)).map((field) => [camel(field.slice(resource.length + 1)), row[camel(field.slice(resource.length + 1))]])]),
  }));
  return { rows: projected, fieldMask: fields.map((field) => field.split('.').map(camel).join('.')).join(',') };
}

function createOperation(state: GoogleState, customer: GoogleAdsCustomer, create: Json): { resourceName: string } | { error: Record<string, string>; message: string } {
  const name = typeof create.name === 'string' ? create.name.trim() : '';
  if (!name) return { error: { fieldError: 'REQUIRED' }, message: 'The required field name was not present.' };
  if (state.liveListsOf(customer.id).some((list) => list.name === name)) return { error: { userListError: 'NAME_ALREADY_USED' }, message: 'Name is already being used for another user list for the account.' };
  const crm = create.crmBasedUserList as Json | undefined;
  if (!crm || crm.uploadKeyType !== 'CONTACT_INFO') return { error: { userListError: 'INVALID_UPLOAD_KEY_TYPE' }, message: 'crmBasedUserList.uploadKeyType must be CONTACT_INFO for customer-list audiences.' };
  const lifeSpan = create.membershipLifeSpan === undefined ? 540 : Number(create.membershipLifeSpan);
  if (!Number.isInteger(lifeSpan) || !((lifeSpan >= 0 && lifeSpan <= 540) || lifeSpan === 10_000)) return { error: { userListError: 'INVALID_MEMBERSHIP_LIFE_SPAN' }, message: 'membershipLifeSpan must be 0–540 days, or 10000 for unlimited.' };
  const list = state.createUserList(customer.id, { name, description: typeof create.description === 'string' ? create.description : '', membershipLifeSpanDays: lifeSpan });
  return { resourceName: `customers/${customer.id}/userLists/${list.id}` };
}

/** Answers 401/403 unless the developer token is right and the user reaches the customer (and the login customer). */
function customerOf(state: GoogleState, request: FastifyRequest<{ Params: CustomerParams }>, reply: FastifyReply): GoogleAdsCustomer | undefined {
  const customer = state.customers.get(request.params.customerId);
  const login = request.headers['login-customer-id'];
  if (!customer || (typeof login === 'string' && !state.customers.has(login))) {
    sendGoogleError(reply, adsFailure(403, 'PERMISSION_DENIED', { authorizationError: 'USER_PERMISSION_DENIED' }, "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header."));
    return undefined;
  }
  return customer;
}

/**
 * Google Ads API (any `vNN`): `GET customers:listAccessibleCustomers`, `POST customers/{id}/googleAds:search` (customer and
 * user_list), `POST customers/{id}/userLists:mutate` (create, remove), and Customer Match `offlineUserDataJobs:*`, which
 * answer CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE (closed to new integrations since April 2026).
 */
export function registerAdsRoutes(scope: FastifyInstance, state: GoogleState): void {
  scope.get('/customers::listAccessibleCustomers', async () => ({ resourceNames: [...state.customers.keys()].map((id) => `customers/${id}`) }));

  scope.post<{ Params: CustomerParams }>('/customers/:customerId/googleAds::search', async (request, reply) => {
    const customer = customerOf(state, request, reply);
    if (!customer) return reply;
    const query = (request.body as Json | undefined)?.query;
    const result = runQuery(state, customer, typeof query === 'string' ? query : '');
    if (typeof result === 'string') return sendGoogleError(reply, adsFailure(400, 'INVALID_ARGUMENT', { queryError: 'PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE' }, result));
    return { results: result.rows, fieldMask: result.fieldMask, requestId: `emu${Date.now().toString(36)}` };
  });

  scope.post<{ Params: CustomerParams }>('/customers/:customerId/userLists::mutate', async (request, reply) => {
    const customer = customerOf(state, request, reply);
    if (!customer) return reply;
    if (!customer.canManageAudiences) return sendGoogleError(reply, adsFailure(403, 'PERMISSION_DENIED', { authorizationError: 'ACTION_NOT_PERMITTED' }, 'The user does not have permission to perform this action on the resource or call this method.'));
    const operations = (request.body as Json | undefined)?.operations;
    if (!Array.isArray(operations) || operations.length === 0) return sendGoogleError(reply, adsFailure(400, 'INVALID_ARGUMENT', { requestError: 'OPERATIONS_REQUIRED' }, 'At least one operation is required.'));
    const results: Json[] = [];
    for (const operation of operations as Json[]) {
      if (operation.create) {
        const created = createOperation(state, customer, operation.create as Json);
        if ('error' in created) return sendGoogleError(reply, adsFailure(400, 'INVALID_ARGUMENT', created.error, created.message));
        results.push(created);
      } else if (typeof operation.remove === 'string') {
        const id = /^customers\/\d+\/userLists\/(\d+)$/.exec(operation.remove)?.[1];
        const list = id ? state.userLists.get(id) : undefined;
        if (!list || list.isDeleted || list.customerId !== customer.id) return sendGoogleError(reply, adsFailure(400, 'INVALID_ARGUMENT', { mutateError: 'RESOURCE_NOT_FOUND' }, 'The requested resource was not found.'));
        list.isDeleted = true;
        results.push({ resourceName: operation.remove });
      } else {
        return sendGoogleError(reply, adsFailure(400, 'INVALID_ARGUMENT', { requestError: 'BAD_RESOURCE_ID' }, 'Only create and remove operations are supported by the emulator.'));
      }
    }
    return { results };
  });

  const notAllowlisted = async (_request: FastifyRequest, reply: FastifyReply) =>
    sendGoogleError(reply, adsFailure(403, 'PERMISSION_DENIED', { notAllowlistedError: 'CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE' }, 'Customer is not allowlisted for accessing this feature.'));
  scope.post('/customers/:customerId/offlineUserDataJobs::create', notAllowlisted);
  scope.post('/customers/:customerId/offlineUserDataJobs/*', notAllowlisted);
}
