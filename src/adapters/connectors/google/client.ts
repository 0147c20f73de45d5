import type { ChannelCallContext } from '../../../ports/adChannel';
import { sendChannelRequest, type ChannelAnswer } from '../adChannelHttp';
import { classifyGoogleAnswer } from './errors';
import { adsPath, dataManagerBase, GOOGLE } from './provider';

const options = { channelName: GOOGLE.displayName, requestTimeoutMs: GOOGLE.requestTimeoutMs, maxOutageRetries: GOOGLE.maxOutageRetries, canRefresh: true, classify: classifyGoogleAnswer };

/** Google Ads API REST (§2): developer-token on every call. */
export function adsRequest(ctx: ChannelCallContext, input: { method: 'GET' | 'POST'; path: string; body?: unknown }): Promise<ChannelAnswer> {
  return sendChannelRequest(
    ctx,
    {
      method: input.method,
      url: new URL(adsPath(input.path), ctx.apiBaseUrl),
      headers: { ...(ctx.developerToken ? { 'developer-token': ctx.developerToken } : {}), ...(input.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
    },
    options,
  );
}

/** Data Manager API (§1). */
export function dataManagerRequest(ctx: ChannelCallContext, input: { method: 'GET' | 'POST'; path: string; query?: Record<string, string>; body?: unknown }): Promise<ChannelAnswer> {
  const url = new URL(input.path, dataManagerBase(ctx.apiBaseUrl));
  for (const [key, value] of Object.entries(input.query ?? {})) url.searchParams.set(key, value);
  return sendChannelRequest(
    ctx,
    { method: input.method, url, ...(input.body === undefined ? {} : { body: JSON.stringify(input.body), headers: { 'content-type': 'application/json' } }) },
    options,
  );
}
