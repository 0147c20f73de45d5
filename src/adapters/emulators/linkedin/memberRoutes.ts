import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSha256Hex, isSha512Hex } from '../kit/hashing';
import type { MemberIdentifiers } from '../kit/memberSet';
import type { RateWindow } from '../kit/rateWindow';
import { accountIdFromUrn, memberOf } from './context';
import { linkedInErrors, sendLinkedInError } from './http';
import { liveSegment, refuseUnlessManager } from './segmentRoutes';
import type { DmpSegment, LinkedInState } from './state';

type Element = Record<string, unknown>;
type ElementResult = { identifiers: MemberIdentifiers; action: 'ADD' | 'REMOVE' } | { error: string };

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const ORGANIZATION_URN = /^urn:li:organization:\d+$/;
const COMPANY_PAGE = /^https?:\/\/(www\.)?linkedin\.com\/company\/[^/\s]+\/?$/i;

/** A company element → its identifying fields (organisation URN, website domain, page URL; name only without them). */
function companyElement(element: Element): ElementResult {
  const { companyName, companyWebsiteDomain, companyEmailDomain, organizationUrn, companyPageUrl, industries, country } = element;
  if (organizationUrn !== undefined && (typeof organizationUrn !== 'string' || !ORGANIZATION_URN.test(organizationUrn))) return { error: `organizationUrn must look like urn:li:organization:{id} (got ${JSON.stringify(organizationUrn)})` };
  for (const [field, value] of [['companyWebsiteDomain', companyWebsiteDomain], ['companyEmailDomain', companyEmailDomain]] as const) {
    if (value !== undefined && (typeof value !== 'string' || !DOMAIN.test(value))) return { error: `${field} must be a bare domain such as example.com (got ${JSON.stringify(value)})` };
  }
  if (companyPageUrl !== undefined && (typeof companyPageUrl !== 'string' || !COMPANY_PAGE.test(companyPageUrl))) return { error: `companyPageUrl must be a LinkedIn company page URL (got ${JSON.stringify(companyPageUrl)})` };
  if (industries !== undefined && (!Array.isArray(industries) || industries.length > 3)) return { error: 'industries accepts at most 3 values' };
  if (country !== undefined && (typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country))) return { error: `country must be an ISO 3166 alpha-2 code (got ${JSON.stringify(country)})` };
  const identifiers: Record<string, string> = {};
  if (typeof organizationUrn === 'string') identifiers.ORGANIZATION = organizationUrn;
  if (typeof companyWebsiteDomain === 'string') identifiers.DOMAIN = companyWebsiteDomain.toLowerCase();
  if (typeof companyPageUrl === 'string') identifiers.PAGE = companyPageUrl.toLowerCase().replace(/^http:/, 'https:').replace('://linkedin.', '://www.linkedin.').replace(/\/$/, '');
  if (Object.keys(identifiers).length === 0) {
    if (typeof companyName !== 'string' || !companyName.trim()) return { error: 'At least one of companyName, organizationUrn, companyWebsiteDomain or companyPageUrl is required' };
    identifiers.NAME = companyName.trim().toLowerCase();
  }
  return { identifiers, action: element.action as 'ADD' | 'REMOVE' };
}

const ID_TYPES: Record<string, (value: string) => boolean> = {
  SHA256_EMAIL: isSha256Hex,
  SHA512_EMAIL: isSha512Hex,
  GOOGLE_AID: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  APPLE_IDFA: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
};

function userElement(element: Element): ElementResult {
  if (!Array.isArray(element.userIds) || element.userIds.length === 0) return { error: 'userIds must hold at least one {idType, idValue}' };
  const identifiers: Record<string, string> = {};
  for (const userId of element.userIds as Array<{ idType?: unknown; idValue?: unknown }>) {
    const check = typeof userId?.idType === 'string' ? ID_TYPES[userId.idType] : undefined;
    if (!check) return { error: `idType must be one of ${Object.keys(ID_TYPES).join(', ')}` };
    if (typeof userId.idValue !== 'string' || !check(userId.idValue)) return { error: `idValue is not a valid ${String(userId.idType)} (lowercase hex digest expected for hashed e-mails)` };
    identifiers[String(userId.idType)] = userId.idValue;
  }
  return { identifiers, action: element.action as 'ADD' | 'REMOVE' };
}

/** Applies a BATCH_CREATE of ADD/REMOVE elements; one status per element, in order (HTTP 200 even with failures). */
async function batch(state: LinkedInState, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, kind: 'COMPANY' | 'USER', window: RateWindow): Promise<unknown> {
  if (String(request.headers['x-restli-method'] ?? '').toUpperCase() !== 'BATCH_CREATE') return sendLinkedInError(reply, linkedInErrors.badRequest('X-RestLi-Method: BATCH_CREATE is required'));
  const allowed = window.take(memberOf(request), state.nowMs());
  if (!allowed.isAllowed) return sendLinkedInError(reply, linkedInErrors.tooManyRequests(`Resource level throttle MEMBER MINUTE limit for calls to this resource is reached.`, allowed.retryAfterSeconds));
  const segment: DmpSegment | undefined = liveSegment(state, request.params.id, reply);
  if (!segment) return reply;
  if (state.nowMs() < segment.createdAtMs + state.options.notFoundWindowMs) return sendLinkedInError(reply, linkedInErrors.notFound(`Could not find DMP segment with ID ${segment.id}`));
  const refused = refuseUnlessManager(state, accountIdFromUrn(segment.account), 'UPDATE', reply);
  if (refused) return refused;
  if (segment.type !== kind) return sendLinkedInError(reply, linkedInErrors.badRequest(`DMP segment ${segment.id} is of type ${segment.type}; use /${segment.type === 'COMPANY' ? 'companies' : 'users'}`));
  const elements = (request.body as { elements?: unknown } | undefined)?.elements;
  if (!Array.isArray(elements) || elements.length === 0) return sendLinkedInError(reply, linkedInErrors.badRequest('/elements must be a non-empty list'));
  if (elements.length > state.options.maxElementsPerRequest) return sendLinkedInError(reply, linkedInErrors.badRequest(`Batch size ${elements.length} exceeds the maximum of ${state.options.maxElementsPerRequest} elements`));
  const isPartialFailure = state.partialFailureRequests > 0;
  if (isPartialFailure) state.partialFailureRequests -= 1;
  segment.members.beginChange(state.nowMs(), state.options.updateDelayMs);
  const results = (elements as Element[]).map((element, index) => {
    const parsed: ElementResult =
      element?.action !== 'ADD' && element?.action !== 'REMOVE' ? { error: 'action must be ADD or REMOVE' } : kind === 'COMPANY' ? companyElement(element) : userElement(element);
    if (isPartialFailure && index % 2 === 1) return { status: 400, error: { message: 'Unable to process this element at the moment; retry it', status: 400 } };
    if ('error' in parsed) return { status: 400, error: { message: parsed.error, status: 400 } };
    if (parsed.action === 'ADD') segment.members.add(parsed.identifiers);
    else segment.members.remove(parsed.identifiers);
    return { status: 201 };
  });
  return reply.headers({ 'x-restli-protocol-version': '2.0.0' }).send({ elements: results });
}

/** `POST /rest/dmpSegments/{id}/companies` and `/users` with `X-RestLi-Method: BATCH_CREATE`. */
export function registerMemberRoutes(scope: FastifyInstance, state: LinkedInState): void {
  scope.post<{ Params: { id: string } }>('/dmpSegments/:id/companies', async (request, reply) => batch(state, request, reply, 'COMPANY', state.companiesCalls));
  scope.post<{ Params: { id: string } }>('/dmpSegments/:id/users', async (request, reply) => batch(state, request, reply, 'USER', state.usersCalls));
}
