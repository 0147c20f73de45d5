import { AdChannelError, isAdChannelError, type AdChannelConnector, type AdAccountSummary } from '../../../ports/adChannel';
import { parseAnswer } from '../adChannelHttp';
import { graphRequest } from './client';
import { membersInSamples, PAYLOAD_SCHEMA, toPayloadRows } from './map';
import { exchangeMetaCode, metaAuthorizationUrl } from './oauth';
import { META } from './provider';
import { adAccountsPage, createdObject, customAudience, usersResponse } from './wire';

/** The Meta customer-file audience connector (written from ../shared/reference/meta.md, never from the emulator). */
const actId = (adAccountId: string) => (adAccountId.startsWith('act_') ? adAccountId : `act_${adAccountId}`);

export const metaConnector: AdChannelConnector = {
  channel: 'meta',
  displayName: META.displayName,
  memberKind: 'person',
  maxMembersPerRequest: META.maxMembersPerRequest,
  maxRemovalsPerRequest: META.maxRemovalsPerRequest,
  companyFieldLimits: undefined,
  productionUrls: { authBaseUrl: META.authBaseUrl, apiBaseUrl: META.apiBaseUrl },

  buildAuthorizationUrl: metaAuthorizationUrl,
  exchangeCode: exchangeMetaCode,
  refreshToken() {
    // Meta issues no refresh tokens: an expired long-lived token means signing in again.
    return Promise.reject(new AdChannelError('reauth', 'token_expired', 'Meta logins cannot be refreshed; sign in again.'));
  },

  async listAdAccounts(ctx) {
    const accounts: AdAccountSummary[] = [];
    let after: string | undefined;
    do {
      const page = parseAnswer(
        await graphRequest(ctx, { method: 'GET', path: '/me/adaccounts', query: { fields: 'id,name,account_id', limit: '200', ...(after ? { after } : {}) } }),
        adAccountsPage,
        'Meta ad accounts',
      );
      for (const account of page.data) // Graph ids are written act_<id> (meta.md §1); that is the form users see and paste.
      accounts.push({ id: actId(account.account_id ?? account.id), name: account.name ?? account.id, role: undefined });
      after = page.paging?.next ? page.paging.cursors?.after : undefined;
    } while (after);
    return accounts;
  },

  async createAudience(ctx, input) {
    const answer = await graphRequest(ctx, {
      method: 'POST',
      path: `/${actId(input.adAccountId)}/customaudiences`,
      body: { name: input.name, subtype: 'CUSTOM', description: input.description, customer_file_source: META.customerFileSource },
    });
    return { audienceId: String(parseAnswer(answer, createdObject, 'Meta custom audience').id) };
  },

  async readAudience(ctx, input) {
    try {
      const answer = await graphRequest(ctx, { method: 'GET', path: `/${encodeURIComponent(input.audienceId)}`, query: { fields: 'id,name,approximate_count_lower_bound,operation_status' } });
      const audience = parseAnswer(answer, customAudience, 'Meta custom audience');
      const status = audience.operation_status;
      const channelStatus = status === undefined ? undefined : typeof status === 'number' ? String(status) : (status.description ?? (status.code === undefined ? undefined : String(status.code)));
      return { audienceId: String(audience.id), name: audience.name, channelStatus, matchedCount: audience.approximate_count_lower_bound };
    } catch (error) {
      if (isAdChannelError(error) && error.kind === 'audience_missing') return undefined;
      throw error;
    }
  },

  async sendBatch(ctx, request) {
    const body = {
      session: {
        session_id: request.session.sessionId,
        batch_seq: request.session.batchSeq,
        last_batch_flag: request.session.isLastBatch,
        estimated_num_total: request.session.estimatedTotal,
      },
      payload: { schema: PAYLOAD_SCHEMA, data: toPayloadRows(request.members) },
    };
    const path = `/${encodeURIComponent(request.audienceId)}/users`;
    const answer = await graphRequest(ctx, { method: request.operation === 'add' ? 'POST' : 'DELETE', path, body });
    const outcome = parseAnswer(answer, usersResponse, 'Meta audience users');
    const invalidCount = outcome.num_invalid_entries ?? 0;
    const sampled = new Set(invalidCount > 0 ? membersInSamples(request.members, outcome.invalid_entry_samples) : []);
    const rejected = request.members
      .filter((member) => sampled.has(member.key))
      .map((member) => ({ key: member.key, code: 'INVALID_ENTRY', reason: 'Meta could not read this person’s hashed identifiers.' }));
    return { acceptedCount: request.members.length - Math.max(invalidCount, rejected.length), rejected, pendingRequestId: undefined };
  },
};
