import { AdChannelError, type ChannelOAuthSettings, type ChannelTokenSet } from '../../../ports/adChannel';
import { parseAnswer, postTokenForm } from '../adChannelHttp';
import { GOOGLE, tokenBase } from './provider';
import { tokenResponse } from './wire';

/** Google OAuth 2.0 for web server apps (§2): offline access for a refresh token. */
export function googleAuthorizationUrl(settings: ChannelOAuthSettings, input: { state: string; codeChallenge: string }): string {
  const url = new URL(GOOGLE.authorizePath, settings.authBaseUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope: GOOGLE.scopes.join(' '),
    state: input.state,
    access_type: 'offline',
    prompt: 'consent',
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export async function requestGoogleToken(settings: ChannelOAuthSettings, form: Record<string, string>): Promise<ChannelTokenSet> {
  const answer = await postTokenForm(new URL(GOOGLE.tokenPath, tokenBase(settings.authBaseUrl)), { ...form, client_id: settings.clientId, client_secret: settings.clientSecret }, GOOGLE.requestTimeoutMs, GOOGLE.displayName);
  if (answer.status === 429 || answer.status >= 500) throw new AdChannelError('retry', 'channel_outage', 'The Google login server is busy; try again.');
  if (answer.status !== 200) throw new AdChannelError('reauth', 'token_revoked', `Google refused the login (HTTP ${answer.status}).`);
  const token = parseAnswer(answer, tokenResponse, 'Google token endpoint');
  return { accessToken: token.access_token, refreshToken: token.refresh_token, expiresInSeconds: token.expires_in, refreshTokenExpiresInSeconds: undefined, scope: token.scope };
}
