import { createHash, randomBytes } from 'node:crypto';
import { insertMapOauthState } from '../../adapters/db/repositories/mapConnections';
import type { StartMapConnectionInput } from '../../contracts/mapIntegrations';
import { AppError } from '../../domain/appError';
import { isCrmConnectorError } from '../../domain/integrations/crmErrors';
import { MAP_DISPLAY_NAMES } from '../../domain/mapIntegrations/messages';
import type { Actor } from '../../domain/permissions/policy';
import type { MapProviderId } from '../../ports/mapConnector';
import { assertCan } from '../integrations/assertCan';
import { secretBoxFor } from '../integrations/connectorFor';
import { mapConnectorFor, type MapIntegrationDeps } from '../integrations/mapSession';
import { hashOAuthState, OAUTH_STATE_TTL_MS } from '../integrations/startCrmConnection';
import { resolveConnectSettings } from './resolveConnectSettings';
import { saveMapConnection } from './saveMapConnection';
import { toMapConnectionSummary } from './toMapConnectionSummary';

/**
 * Connect a MAP. OAuth providers (HubSpot, Pardot, Eloqua) get the provider URL to send the browser to (the callback
 * finishes); Marketo's client credentials and Eloqua's Basic auth are checked against the provider at once and stored.
 */
export async function startMapConnection(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: StartMapConnectionInput & { provider: MapProviderId } },
  deps: MapIntegrationDeps,
) {
  assertCan(actor, 'integrations.manage', orgId);
  const connector = mapConnectorFor(input.provider, deps);
  const settings = resolveConnectSettings(input.provider, input, deps);
  const userId = actor.kind === 'user' ? (actor.userId ?? null) : null;
  const box = secretBoxFor(deps);
  if (settings.authKind === 'oauth_code') {
    if (!connector.buildAuthorizationUrl) throw new AppError('validation_failed', `${connector.displayName} does not connect by OAuth.`);
    const state = randomBytes(32).toString('base64url');
    const codeVerifier = randomBytes(48).toString('base64url');
    const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
    await insertMapOauthState(deps.db, orgId, {
      stateHash: hashOAuthState(state),
      userId,
      provider: input.provider,
      environment: input.environment,
      loginUrl: settings.loginUrl,
      clientId: settings.clientId,
      clientSecretSealed: box.seal(settings.clientSecret),
      codeVerifierSealed: box.seal(codeVerifier),
      extra: { ...settings.extra, credentialPolicy: input.credentialPolicy },
      dailyApiAllowance: input.dailyApiAllowance ?? null,
      expiresAt: new Date(deps.clock.now().getTime() + OAUTH_STATE_TTL_MS),
    });
    return { authorizationUrl: connector.buildAuthorizationUrl(settings, { state, codeChallenge }), connection: null };
  }
  if (!connector.connectWithCredentials) throw new AppError('validation_failed', `${connector.displayName} connects by OAuth only.`);
  const authSettings = { ...settings, extra: { ...settings.extra, ...(settings.password ? { password: settings.password } : {}) } };
  let tokens;
  try {
    tokens = await connector.connectWithCredentials(authSettings);
  } catch (error) {
    if (!isCrmConnectorError(error)) throw error;
    // The provider's own words ("Bad client credentials"), so the admin knows which input to fix.
    throw new AppError('validation_failed', `${MAP_DISPLAY_NAMES[input.provider]} refused the connection: ${error.message}`);
  }
  const row = await saveMapConnection(
    {
      orgId, provider: input.provider, authKind: settings.authKind, environment: input.environment, loginUrl: settings.loginUrl, clientId: settings.clientId,
      clientSecret: { plain: settings.clientSecret }, extra: settings.extra, password: settings.password, credentialPolicy: input.credentialPolicy,
      dailyApiAllowance: input.dailyApiAllowance, connectedBy: userId, tokens,
    },
    deps,
  );
  return { authorizationUrl: null, connection: await toMapConnectionSummary(row, deps) };
}
