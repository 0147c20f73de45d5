import { findCrmConnection, takeCrmOauthState, upsertCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { deleteCrmRecords, deleteSyncState } from '../../adapters/db/repositories/crmRecords';
import { INTEGRATIONS_PAGE_PATH } from '../../contracts/integrations';
import { DEFAULT_DAILY_API_ALLOWANCE } from '../../domain/budget/apiAllowance';
import { loginRefusedMessage } from '../../domain/crmSources/messages';
import { isCrmConnectorError } from '../../domain/integrations/crmErrors';
import type { CrmProvider } from '../../ports/crmConnector';
import { connectorFor, secretBoxFor } from './connectorFor';
import { oauthRedirectUri, type IntegrationDeps } from './integrationDeps';
import { hashOAuthState } from './startCrmConnection';
import { CRM_SYNC_JOB, crmSyncSingletonKey } from './requestCrmSync';

export interface CompleteCrmOAuthInput {
  readonly state: string;
  readonly code?: string | undefined;
  readonly error?: string | undefined;
  readonly error_description?: string | undefined;
}

export interface CompleteCrmOAuthResult {
  /** Integrations page with ?connected=<provider> or ?error=<message>. */
  readonly redirectTo: string;
  readonly provider: CrmProvider | undefined;
  readonly isConnected: boolean;
  readonly errorMessage: string | undefined;
}

function page(params: Record<string, string>): string {
  return `${INTEGRATIONS_PAGE_PATH}?${new URLSearchParams(params).toString()}`;
}

function failed(message: string, provider: CrmProvider | undefined): CompleteCrmOAuthResult {
  return { redirectTo: page({ error: message, ...(provider ? { provider } : {}) }), provider, isConnected: false, errorMessage: message };
}

/**
 * The OAuth callback. The state row (single use, 15 minutes) names the org, provider and settings, so no session is
 * needed; the code is exchanged with the PKCE verifier, and the tokens are stored sealed.
 */
export async function completeCrmOAuth({ input }: { input: CompleteCrmOAuthInput }, deps: IntegrationDeps): Promise<CompleteCrmOAuthResult> {
  const pending = await takeCrmOauthState(deps.db, hashOAuthState(input.state));
  const now = deps.clock.now();
  if (!pending || pending.expiresAt.getTime() < now.getTime()) {
    return failed('The connection request expired or was already used. Start connecting again.', undefined);
  }
  const provider = pending.provider as CrmProvider;
  const connector = connectorFor(provider, deps);
  if (input.error || !input.code) {
    return failed(`${connector.displayName} did not grant access: ${input.error_description ?? input.error ?? 'no authorization code'}.`, provider);
  }
  const box = secretBoxFor(deps);
  const settings = {
    loginUrl: pending.loginUrl,
    clientId: pending.clientId,
    clientSecret: box.open(pending.clientSecretSealed),
    redirectUri: oauthRedirectUri(deps.config),
    resourceUrl: pending.resourceUrl ?? undefined,
  };
  let tokens;
  try {
    tokens = await connector.exchangeCode(settings, { code: input.code, codeVerifier: box.open(pending.codeVerifierSealed) });
  } catch (error) {
    if (!isCrmConnectorError(error)) throw error;
    return failed(error.kind === 'reauth' ? loginRefusedMessage(provider) : error.message, provider);
  }
  if (!tokens.refreshToken) {
    return failed(`${connector.displayName} returned no refresh token: give the connected app the refresh_token (offline access) scope.`, provider);
  }
  const existing = await findCrmConnection(deps.db, pending.orgId, provider);
  const isOtherCrmOrg = existing !== undefined && existing.externalOrgId !== (tokens.externalOrgId ?? null);
  if (isOtherCrmOrg) {
    // Records and cursors of another CRM org must not mix with this one: start over with a full sync.
    await deleteCrmRecords(deps.db, pending.orgId, provider);
    await deleteSyncState(deps.db, pending.orgId, provider);
  }
  await upsertCrmConnection(deps.db, pending.orgId, provider, {
    status: 'connected',
    environment: pending.environment,
    loginUrl: pending.loginUrl,
    resourceUrl: pending.resourceUrl,
    instanceUrl: tokens.instanceUrl,
    clientId: pending.clientId,
    clientSecretSealed: pending.clientSecretSealed,
    accessTokenSealed: box.seal(tokens.accessToken),
    refreshTokenSealed: box.seal(tokens.refreshToken),
    credentialPolicy: pending.credentialPolicy,
    credentialsSetAt: now,
    externalOrgId: tokens.externalOrgId ?? null,
    externalUserId: tokens.externalUserId ?? null,
    dailyApiAllowance: pending.dailyApiAllowance ?? existing?.dailyApiAllowance ?? DEFAULT_DAILY_API_ALLOWANCE,
    statusReason: null,
    statusChangedAt: now,
    connectedBy: pending.userId,
    ...(isOtherCrmOrg ? { firstFullSyncAt: null, lastSyncAt: null } : {}),
    updatedAt: now,
  });
  // The first full sync starts at once: lists and reports cannot back a segment until it has completed.
  await deps.jobs?.enqueue(CRM_SYNC_JOB, { orgId: pending.orgId, provider }, { singletonKey: crmSyncSingletonKey(pending.orgId, provider) });
  return { redirectTo: page({ connected: provider }), provider, isConnected: true, errorMessage: undefined };
}
