import { AdChannelError, isAdChannelError, type AdChannelConnector, type AdAccountSummary, type ChannelCallContext } from '../../../ports/adChannel';
import { parseAnswer } from '../adChannelHttp';
import { adsRequest, dataManagerRequest } from './client';
import { lastPathSegment, numericId, toAudienceMembers } from './map';
import { googleAuthorizationUrl, requestGoogleToken } from './oauth';
import { GOOGLE } from './provider';
import { accessibleCustomers, customerRow, ingestResponse, mutateResults, requestStatus, searchResults, userListRow } from './wire';

/**
 * The Google connector (written from ../shared/reference/google-ads.md, never from the emulator): user lists through
 * the Google Ads API, members through the Data Manager API (§1). One writer per audience is the sync engine's rule (one
 * job per sync); adds and removes are separate requests by construction (BatchRequest.operation).
 */
async function search(ctx: ChannelCallContext, customerId: string, query: string) {
  return parseAnswer(await adsRequest(ctx, { method: 'POST', path: `/customers/${numericId(customerId)}/googleAds:search`, body: { query } }), searchResults, 'Google Ads search').results;
}

export const googleConnector: AdChannelConnector = {
  channel: 'google',
  displayName: GOOGLE.displayName,
  memberKind: 'person',
  maxMembersPerRequest: GOOGLE.maxMembersPerRequest,
  maxRemovalsPerRequest: GOOGLE.maxRemovalsPerRequest,
  companyFieldLimits: undefined,
  productionUrls: { authBaseUrl: GOOGLE.authBaseUrl, apiBaseUrl: GOOGLE.adsApiBaseUrl },

  buildAuthorizationUrl: googleAuthorizationUrl,
  exchangeCode: (settings, input) =>
    requestGoogleToken(settings, { grant_type: 'authorization_code', code: input.code, redirect_uri: settings.redirectUri, code_verifier: input.codeVerifier }),
  refreshToken: (settings, refreshToken) => requestGoogleToken(settings, { grant_type: 'refresh_token', refresh_token: refreshToken }),

  async listAdAccounts(ctx) {
    const listed = parseAnswer(await adsRequest(ctx, { method: 'GET', path: '/customers:listAccessibleCustomers' }), accessibleCustomers, 'Google accessible customers');
    const accounts: AdAccountSummary[] = [];
    for (const resourceName of listed.resourceNames) {
      const id = lastPathSegment(resourceName);
      const row = customerRow.safeParse((await search(ctx, id, 'SELECT customer.id, customer.descriptive_name FROM customer LIMIT 1'))[0]);
      accounts.push({ id, name: row.success ? (row.data.customer.descriptiveName ?? id) : id, role: undefined });
    }
    return accounts;
  },

  async createAudience(ctx, input) {
    const answer = await adsRequest(ctx, {
      method: 'POST',
      path: `/customers/${numericId(input.adAccountId)}/userLists:mutate`,
      body: {
        operations: [
          {
            create: {
              name: input.name,
              description: input.description,
              membershipLifeSpan: GOOGLE.membershipLifeSpanDays,
              crmBasedUserList: { uploadKeyType: 'CONTACT_INFO', dataSourceType: 'FIRST_PARTY' },
            },
          },
        ],
      },
    });
    const created = parseAnswer(answer, mutateResults, 'Google user list');
    return { audienceId: lastPathSegment(created.results[0]?.resourceName ?? '') };
  },

  async readAudience(ctx, input) {
    try {
      const rows = await search(
        ctx,
        input.adAccountId,
        `SELECT user_list.id, user_list.name, user_list.size_for_display, user_list.membership_status FROM user_list WHERE user_list.id = ${numericId(input.audienceId)}`,
      );
      const row = userListRow.safeParse(rows[0]);
      if (!row.success) return undefined;
      const size = row.data.userList.sizeForDisplay;
      return { audienceId: input.audienceId, name: row.data.userList.name, channelStatus: row.data.userList.membershipStatus, matchedCount: size === undefined ? undefined : Number(size) };
    } catch (error) {
      if (isAdChannelError(error) && error.kind === 'audience_missing') return undefined;
      throw error;
    }
  },

  async sendBatch(ctx, request) {
    if (request.operation === 'add' && (request.consent?.adUserData !== 'GRANTED' || request.consent.adPersonalization !== 'GRANTED')) {
      throw new AdChannelError('permanent', 'consent_not_granted', 'Google requires consent for ad user data and ad personalisation.');
    }
    const body = {
      destinations: [{ operatingAccount: { accountType: GOOGLE.operatingAccountType, accountId: numericId(request.adAccountId) }, productDestinationId: request.audienceId }],
      audienceMembers: toAudienceMembers(request.members),
      ...(request.operation === 'add' && request.consent ? { consent: request.consent } : {}),
      encoding: 'HEX',
      validateOnly: false,
    };
    const path = request.operation === 'add' ? '/v1/audienceMembers:ingest' : '/v1/audienceMembers:remove';
    const outcome = parseAnswer(await dataManagerRequest(ctx, { method: 'POST', path, body }), ingestResponse, 'Google Data Manager');
    return { acceptedCount: request.members.length, rejected: [], pendingRequestId: outcome.requestId };
  },

  async readPendingRequest(ctx, input) {
    const status = parseAnswer(
      await dataManagerRequest(ctx, { method: 'GET', path: '/v1/requestStatus:retrieve', query: { requestId: input.requestId } }),
      requestStatus,
      'Google request status',
    );
    const states = status.requestStatusPerDestination.map((entry) => entry.requestStatus ?? 'REQUEST_STATUS_UNKNOWN');
    if (states.length === 0 || states.some((state) => state === 'PROCESSING' || state === 'REQUEST_STATUS_UNKNOWN')) return { state: 'pending' };
    const failed = states.find((state) => state === 'FAILED');
    return { state: 'done', failedReason: failed ? 'Google could not process this batch.' : undefined };
  },
};
