import { AdChannelError, type ChannelOAuthSettings, type ChannelTokenSet } from '../../../ports/adChannel';
import { parseAnswer } from '../adChannelHttp';
import { graphPath, META, metaTokenBase } from './provider';
import { tokenResponse } from './wire';

/** Meta login dialog and code exchange (Facebook Login). Tokens are long-lived (about 60 days); no refresh token. */
export function metaAuthorizationUrl(settings: ChannelOAuthSettings, input: { state: string; codeChallenge: string }): string {
  const url = new URL(graphPath('/dialog/oauth'), settings.authBaseUrl);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    state: input.state,
    scope: META.scopes.join(','),
    response_type: 'code',
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export async function exchangeMetaCode(settings: ChannelOAuthSettings, input: { code: string; codeVerifier: string }): Promise<ChannelTokenSet> {
  const url = new URL(graphPath('/oauth/access_token'), metaTokenBase(settings.authBaseUrl));
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    redirect_uri: settings.redirectUri,
    code: input.code,
    code_verifier: input.codeVerifier,
  }).toString();
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(META.requestTimeoutMs) });
  } catch {
    throw new AdChannelError('retry', 'channel_outage', 'Meta could not be reached; try again.');
  }
  const answer = { status: response.status, bodyText: await response.text(), headers: response.headers };
  if (answer.status !== 200) throw new AdChannelError('reauth', 'token_revoked', `Meta refused the login (HTTP ${answer.status}).`);
  const token = parseAnswer(answer, tokenResponse, 'Meta token endpoint');
  return { accessToken: token.access_token, refreshToken: undefined, expiresInSeconds: token.expires_in, refreshTokenExpiresInSeconds: undefined, scope: undefined };
}
