import { createHash, randomBytes } from 'node:crypto';
import { insertCrmOauthState } from '../../adapters/db/repositories/crmConnections';
import type { StartCrmConnectionInput } from '../../contracts/integrations';
import { AppError } from '../../domain/appError';
import { crmUrlProblem } from '../../domain/integrations/crmUrlPolicy';
import type { Actor } from '../../domain/permissions/policy';
import type { CrmOAuthSettings, CrmProvider } from '../../ports/crmConnector';
import { assertCan } from './assertCan';
import { connectorFor, secretBoxFor } from './connectorFor';
import { oauthRedirectUri, type IntegrationDeps } from './integrationDeps';

/** An OAuth round trip must finish within this time (the provider's own codes live 15 minutes). */
export const OAUTH_STATE_TTL_MS = 15 * 60_000;

export function hashOAuthState(state: string): string {
  return createHash('sha256').update(state).digest('base64url');
}

/** Outside sandbox mode the server only calls the provider's own https hosts (or ones the instance allows). */
function assertCrmUrlAllowed(provider: CrmProvider, displayName: string, what: string, url: string, deps: IntegrationDeps): void {
  const problem = crmUrlProblem({ provider, displayName, what, url, isSandbox: deps.config.isSandbox, allowedHosts: deps.config.crmAllowedHosts });
  if (problem !== undefined) throw new AppError('validation_failed', problem);
}

/** Resolves where the user logs in; only https outside sandbox mode (the token goes there). */
export function resolveLoginUrl(provider: CrmProvider, input: StartCrmConnectionInput, deps: IntegrationDeps): string {
  const connector = connectorFor(provider, deps);
  if (input.environment === 'emulator') {
    const url = deps.sandboxUrls[provider];
    if (!url) throw new AppError('bad_request', `The ${connector.displayName} emulator only runs in sandbox mode.`);
    // Entra ID logs in at an authority (<host>/<tenant>), not at the org URL that the emulator's base URL stands for.
    return deps.sandboxCredentials?.[provider]?.authorityUrl ?? url;
  }
  if (input.environment === 'custom') {
    if (!input.loginUrl) throw new AppError('validation_failed', 'Enter the login URL of your custom domain.');
    assertCrmUrlAllowed(provider, connector.displayName, 'login URL', input.loginUrl, deps);
    const url = new URL(input.loginUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  const fixed = connector.loginUrls[input.environment];
  if (!fixed) throw new AppError('validation_failed', `${connector.displayName} has no ${input.environment} login; choose a custom login URL.`);
  return fixed;
}

export async function startCrmConnection(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: StartCrmConnectionInput & { provider: CrmProvider } },
  deps: IntegrationDeps,
): Promise<{ authorizationUrl: string }> {
  assertCan(actor, 'integrations.manage', orgId);
  const connector = connectorFor(input.provider, deps);
  const loginUrl = resolveLoginUrl(input.provider, input, deps);
  const builtIn = input.environment === 'emulator' ? deps.sandboxCredentials?.[input.provider] : undefined;
  const clientId = input.clientId ?? builtIn?.clientId;
  const clientSecret = input.clientSecret ?? builtIn?.clientSecret;
  if (!clientId || !clientSecret) {
    throw new AppError('validation_failed', `Enter the client id and client secret of your ${connector.displayName} connected app.`);
  }
  if (input.provider === 'dynamics' && !input.resourceUrl) {
    throw new AppError('validation_failed', 'Enter the Dynamics 365 organisation URL (https://<org>.crm.dynamics.com).');
  }
  if (input.resourceUrl !== undefined && input.environment !== 'emulator') {
    assertCrmUrlAllowed(input.provider, connector.displayName, 'organisation URL', input.resourceUrl, deps);
  }
  const state = randomBytes(32).toString('base64url');
  const codeVerifier = randomBytes(48).toString('base64url');
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
  const box = secretBoxFor(deps);
  const now = deps.clock.now();
  await insertCrmOauthState(deps.db, orgId, {
    stateHash: hashOAuthState(state),
    userId: actor.kind === 'user' ? (actor.userId ?? null) : null,
    provider: input.provider,
    environment: input.environment,
    loginUrl,
    resourceUrl: input.resourceUrl ?? null,
    clientId,
    clientSecretSealed: box.seal(clientSecret),
    codeVerifierSealed: box.seal(codeVerifier),
    credentialPolicy: input.credentialPolicy,
    dailyApiAllowance: input.dailyApiAllowance ?? null,
    expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
  });
  const settings: CrmOAuthSettings = { loginUrl, clientId, clientSecret, redirectUri: oauthRedirectUri(deps.config), resourceUrl: input.resourceUrl };
  return { authorizationUrl: connector.buildAuthorizationUrl(settings, { state, codeChallenge }) };
}
