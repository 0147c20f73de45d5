import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { CrmCallContext, CrmConnector, CrmOAuthSettings } from '../../../ports/crmConnector';
import { dataPath, defaultClientOptions, requestToken, SalesforceClient, type SalesforceClientOptions } from './client';
import { buildChangesSoql, toCrmRecord } from './map';
import { SALESFORCE } from './provider';
import { fetchListViewRecords, fetchReportRecords, listListViews, listReports } from './sources';
import { limits, queryPage } from './wire';

/** The Salesforce connector (written from ../shared/reference/salesforce.md; never from the emulator's code). */
export function createSalesforceConnector(options: Partial<SalesforceClientOptions> = {}): CrmConnector {
  const clientOptions: SalesforceClientOptions = { ...defaultClientOptions, ...options };
  const client = (ctx: CrmCallContext) => new SalesforceClient(ctx, clientOptions);
  return {
    provider: 'salesforce',
    displayName: SALESFORCE.displayName,
    capabilities: SALESFORCE.capabilities,
    loginUrls: SALESFORCE.loginUrls,

    buildAuthorizationUrl(settings: CrmOAuthSettings, input) {
      const url = new URL(SALESFORCE.authorizePath, settings.loginUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: settings.clientId,
        redirect_uri: settings.redirectUri,
        state: input.state,
        scope: SALESFORCE.scopes.join(' '),
        code_challenge: input.codeChallenge,
        code_challenge_method: 'S256',
        prompt: 'login consent',
      }).toString();
      return url.toString();
    },

    exchangeCode(settings, input) {
      return requestToken(
        settings,
        { grant_type: 'authorization_code', code: input.code, redirect_uri: settings.redirectUri, code_verifier: input.codeVerifier },
        'authorization_code',
        new Date(),
        clientOptions.requestTimeoutMs,
        // A person waits on the connect dialog: a busy login server is worded for them, not for a retry.
        true,
      );
    },

    refreshToken(settings, refreshToken, tokenOptions) {
      // A person waiting is not kept 60 s by a login server that does not answer (the data calls' short timeout).
      const timeoutMs = tokenOptions?.isPersonWaiting ? Math.min(clientOptions.personWaitingRequestTimeoutMs, clientOptions.requestTimeoutMs) : clientOptions.requestTimeoutMs;
      return requestToken(settings, { grant_type: 'refresh_token', refresh_token: refreshToken }, 'refresh_token', new Date(), timeoutMs, tokenOptions?.isPersonWaiting === true);
    },

    async revokeToken(settings, token) {
      try {
        await fetch(new URL(SALESFORCE.revokePath, settings.loginUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }),
          signal: AbortSignal.timeout(clientOptions.requestTimeoutMs),
        });
      } catch {
        // Best effort: the stored tokens are deleted either way.
      }
    },

    async readChanges(ctx, request) {
      const page = request.pageToken
        ? await client(ctx).getJson({ path: request.pageToken }, queryPage)
        : await client(ctx).getJson(
            {
              path: dataPath('/query'),
              query: { q: buildChangesSoql(request.objectType, request.modifiedSince) },
              headers: { 'sforce-query-options': `batchSize=${SALESFORCE.queryBatchSize}` },
            },
            queryPage,
          );
      return {
        records: page.records.map((record) => toCrmRecord(request.objectType, record)),
        nextPageToken: page.done ? undefined : (page.nextRecordsUrl ?? undefined),
      };
    },

    async listSources(ctx) {
      const api = client(ctx);
      return [...(await listListViews(api)), ...(await listReports(api))];
    },

    fetchSourceRecords(ctx, source) {
      if (source.kind === 'list_view') return fetchListViewRecords(client(ctx), source.id);
      if (source.kind === 'report') return fetchReportRecords(client(ctx), source.id);
      throw new CrmConnectorError('permanent', 'unsupported_source', `Salesforce has no ${source.kind.replace('_', ' ')} sources.`);
    },

    async readProviderLimits(ctx) {
      const body = await client(ctx).getJson({ path: dataPath('/limits') }, limits);
      const daily = body.DailyApiRequests;
      return daily ? { used: daily.Max - daily.Remaining, max: daily.Max } : undefined;
    },
  };
}

export const salesforceConnector: CrmConnector = createSalesforceConnector();
