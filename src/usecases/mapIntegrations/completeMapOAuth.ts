import { takeMapOauthState } from '../../adapters/db/repositories/mapConnections';
import { INTEGRATIONS_PAGE_PATH } from '../../contracts/integrations';
import { isCrmConnectorError } from '../../domain/integrations/crmErrors';
import { mapLoginRefusedMessage } from '../../domain/mapIntegrations/messages';
import { isMapProvider, type MapAuthKind } from '../../ports/mapConnector';
import { secretBoxFor } from '../integrations/connectorFor';
import { mapConnectorFor, mapOAuthRedirectUri, type MapIntegrationDeps } from '../integrations/mapSession';
import { hashOAuthState } from '../integrations/startCrmConnection';
import { saveMapConnection } from './saveMapConnection';

export interface CompleteMapOAuthInput {
  readonly state: string;
  readonly code?: string | undefined;
  readonly error?: string | undefined;
  readonly error_description?: string | undefined;
}

function page(params: Record<string, string>): string {
  return `${INTEGRATIONS_PAGE_PATH}?${new URLSearchParams(params).toString()}`;
}

/** The OAuth callback: the single-use state row names the org and settings; the code is exchanged, tokens sealed. */
export async function completeMapOAuth({ input }: { input: CompleteMapOAuthInput }, deps: MapIntegrationDeps): Promise<{ redirectTo: string; isConnected: boolean }> {
  const pending = await takeMapOauthState(deps.db, hashOAuthState(input.state));
  if (!pending || pending.expiresAt.getTime() < deps.clock.now().getTime() || !isMapProvider(pending.provider)) {
    return { redirectTo: page({ error: 'The connection request expired or was already used. Start connecting again.' }), isConnected: false };
  }
  const provider = pending.provider;
  const connector = mapConnectorFor(provider, deps);
  const failed = (message: string) => ({ redirectTo: page({ error: message, provider }), isConnected: false });
  if (input.error || !input.code) return failed(`${connector.displayName} did not grant access: ${input.error_description ?? input.error ?? 'no authorization code'}.`);
  if (!connector.exchangeCode) return failed(`${connector.displayName} does not connect by OAuth.`);
  const box = secretBoxFor(deps);
  const { credentialPolicy = 'never_expire', ...extra } = pending.extra;
  const settings = { loginUrl: pending.loginUrl, clientId: pending.clientId, clientSecret: box.open(pending.clientSecretSealed), redirectUri: mapOAuthRedirectUri(deps), extra };
  let tokens;
  try {
    tokens = await connector.exchangeCode(settings, { code: input.code, codeVerifier: box.open(pending.codeVerifierSealed) });
  } catch (error) {
    if (!isCrmConnectorError(error)) throw error;
    return failed(`${mapLoginRefusedMessage(provider)} (${error.message})`);
  }
  if (!tokens.refreshToken) return failed(`${connector.displayName} returned no refresh token: give the app the refresh_token (offline access) scope.`);
  await saveMapConnection(
    {
      orgId: pending.orgId, provider, authKind: (extra.authKind ?? 'oauth_code') as MapAuthKind, environment: pending.environment, loginUrl: pending.loginUrl,
      clientId: pending.clientId, clientSecret: { sealed: pending.clientSecretSealed }, extra, password: undefined, credentialPolicy,
      dailyApiAllowance: pending.dailyApiAllowance, connectedBy: pending.userId, tokens,
    },
    deps,
  );
  return { redirectTo: page({ connected: provider }), isConnected: true };
}
