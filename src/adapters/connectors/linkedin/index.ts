import { backoffMs } from '../../../domain/budget/retryAfter';
import { AdChannelError, isAdChannelError, type AdChannelConnector, type BatchOutcome, type ChannelCallContext } from '../../../ports/adChannel';
import { parseAnswer } from '../adChannelHttp';
import { linkedInRequest } from './client';
import { adAccountIdOf, toCompanyElements } from './map';
import { linkedInAuthorizationUrl, requestLinkedInToken } from './oauth';
import { LINKEDIN, sponsoredAccountUrn } from './provider';
import { adAccount, adAccountUsers, batchStatuses, dmpSegment, dmpSegmentList } from './wire';

/** The LinkedIn company-audience connector (written from ../shared/reference/linkedin.md, never from the emulator). */
async function readSegment(ctx: ChannelCallContext, audienceId: string) {
  try {
    return parseAnswer(await linkedInRequest(ctx, { method: 'GET', path: `/dmpSegments/${encodeURIComponent(audienceId)}` }), dmpSegment, 'LinkedIn DMP segment');
  } catch (error) {
    if (isAdChannelError(error) && error.kind === 'audience_missing') return undefined;
    throw error;
  }
}

async function postCompanies(ctx: ChannelCallContext, audienceId: string, elements: Array<Record<string, string>>) {
  let attempt = 0;
  let waitedMs = 0;
  for (;;) {
    try {
      return await linkedInRequest(ctx, { method: 'POST', path: `/dmpSegments/${encodeURIComponent(audienceId)}/companies`, restliMethod: 'BATCH_CREATE', body: { elements } });
    } catch (error) {
      if (!isAdChannelError(error) || error.kind !== 'audience_missing') throw error;
      // §3: a new segment answers 404 on /companies for a few seconds. Only a segment that is gone itself is "deleted".
      if (!(await readSegment(ctx, audienceId))) throw error;
      const afterMs = backoffMs(attempt);
      if (waitedMs + afterMs > ctx.maxWaitMs) {
        throw new AdChannelError('retry', 'channel_outage', 'LinkedIn has not made the new audience available yet; openabm will try again.', { retryAfterMs: afterMs });
      }
      waitedMs += afterMs;
      attempt += 1;
      await ctx.sleep(afterMs);
    }
  }
}

export const linkedinConnector: AdChannelConnector = {
  channel: 'linkedin',
  displayName: LINKEDIN.displayName,
  memberKind: 'company',
  maxMembersPerRequest: LINKEDIN.maxMembersPerRequest,
  maxRemovalsPerRequest: LINKEDIN.maxRemovalsPerRequest,
  companyFieldLimits: LINKEDIN.fieldLimits,
  productionUrls: { authBaseUrl: LINKEDIN.authBaseUrl, apiBaseUrl: LINKEDIN.apiBaseUrl },

  buildAuthorizationUrl: linkedInAuthorizationUrl,
  exchangeCode: (settings, input) =>
    requestLinkedInToken(settings, { grant_type: 'authorization_code', code: input.code, redirect_uri: settings.redirectUri, code_verifier: input.codeVerifier }),
  refreshToken: (settings, refreshToken) => requestLinkedInToken(settings, { grant_type: 'refresh_token', refresh_token: refreshToken }),

  async listAdAccounts(ctx) {
    const users = parseAnswer(await linkedInRequest(ctx, { method: 'GET', path: '/adAccountUsers', query: { q: 'authenticatedUser' } }), adAccountUsers, 'LinkedIn ad account users');
    const managing = users.elements.filter((user) => (LINKEDIN.managingRoles as readonly string[]).includes(user.role ?? ''));
    const accounts = [];
    for (const user of managing) {
      const id = adAccountIdOf(user.account);
      const details = parseAnswer(await linkedInRequest(ctx, { method: 'GET', path: `/adAccounts/${encodeURIComponent(id)}` }), adAccount, 'LinkedIn ad account');
      accounts.push({ id, name: details.name ?? id, role: user.role });
    }
    return accounts;
  },

  async createAudience(ctx, input) {
    const account = sponsoredAccountUrn(input.adAccountId);
    // Find first: a crash between LinkedIn's create and our commit must not leave two segments.
    const found = parseAnswer(
      await linkedInRequest(ctx, {
        method: 'GET',
        path: '/dmpSegments',
        query: { q: 'account', account, sourceSegmentId: input.sourceId, sourcePlatform: LINKEDIN.sourcePlatform },
      }),
      dmpSegmentList,
      'LinkedIn DMP segments',
    );
    const existing = found.elements[0];
    if (existing) return { audienceId: String(existing.id) };
    const answer = await linkedInRequest(ctx, {
      method: 'POST',
      path: '/dmpSegments',
      body: { name: input.name, sourcePlatform: LINKEDIN.sourcePlatform, sourceSegmentId: input.sourceId, account, type: 'COMPANY', destinations: [{ destination: 'LINKEDIN' }] },
    });
    // §3: 201 with an empty body; the id is in x-restli-id.
    const id = answer.headers.get('x-restli-id');
    if (!id) throw new AdChannelError('permanent', 'unexpected_answer', 'LinkedIn created the DMP segment without an x-restli-id header.');
    return { audienceId: id };
  },

  async readAudience(ctx, input) {
    const segment = await readSegment(ctx, input.audienceId);
    if (!segment) return undefined;
    return { audienceId: String(segment.id), name: segment.name, channelStatus: segment.status, matchedCount: segment.matchedCount };
  },

  async sendBatch(ctx, request): Promise<BatchOutcome> {
    const elements = toCompanyElements(request.members, request.operation);
    const answer = await postCompanies(ctx, request.audienceId, elements);
    const statuses = parseAnswer(answer, batchStatuses, 'LinkedIn batch').elements;
    // §4: HTTP 200 can carry failed elements, one status per element in order.
    const rejected = request.members.flatMap((member, index) => {
      const status = statuses[index];
      if (!status) return [{ key: member.key, code: 'NO_STATUS', reason: 'LinkedIn returned no status for this company.' }];
      if (status.status >= 200 && status.status < 300) return [];
      return [{ key: member.key, code: `HTTP_${status.status}`, reason: status.error?.message ?? `LinkedIn refused this company (${status.status}).` }];
    });
    return { acceptedCount: request.members.length - rejected.length, rejected, pendingRequestId: undefined };
  },
};
