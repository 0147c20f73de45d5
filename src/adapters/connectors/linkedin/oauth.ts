import { AdChannelError, type ChannelOAuthSettings, type ChannelTokenSet } from '../../../ports/adChannel';
import { parseAnswer, postTokenForm } from '../adChannelHttp';
import { classifyLinkedInTokenError } from './errors';
import { LINKEDIN } from './provider';
import { tokenResponse } from './wire';

/** LinkedIn OAuth 2.0 code flow and programmatic refresh (linkedin.md §2). */
export function linkedInAuthorizationUrl(settings: ChannelOAuthSettings, input: { state: string; codeChallenge: string }): string {
  const url = new URL(LINKEDIN.authorizePath, settings.authBaseUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    state: input.state,
    scope: LINKEDIN.scopes.join(' '),
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export async function requestLinkedInToken(settings: ChannelOAuthSettings, form: Record<string, string>): Promise<ChannelTokenSet> {
  const answer = await postTokenForm(
    new URL(LINKEDIN.tokenPath, settings.authBaseUrl),
    { ...form, client_id: settings.clientId, client_secret: settings.clientSecret },
    LINKEDIN.requestTimeoutMs,
    LINKEDIN.displayName,
  );
  if (answer.status !== 200) {
    const refusal = classifyLinkedInTokenError(answer);
    if (refusal.isTransient) throw new AdChannelError('retry', 'channel_outage', 'The LinkedIn login server is busy; try again.');
    // Refresh tokens live 365 days and refreshing does not extend them: after that, the yearly sign-in.
    throw new AdChannelError('reauth', form.grant_type === 'refresh_token' ? 'reauth_yearly' : 'token_revoked', `LinkedIn refused the login (${refusal.error}).`);
  }
  const token = parseAnswer(answer, tokenResponse, 'LinkedIn token endpoint');
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    expiresInSeconds: token.expires_in,
    refreshTokenExpiresInSeconds: token.refresh_token_expires_in,
    scope: token.scope,
  };
}
