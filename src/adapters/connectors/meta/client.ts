import type { ChannelCallContext } from '../../../ports/adChannel';
import { sendChannelRequest, type ChannelAnswer } from '../adChannelHttp';
import { classifyMetaAnswer } from './errors';
import { graphPath, META } from './provider';

/** One Graph API call; the token travels as a Bearer header (meta.md §1). Meta has no refresh token. */
export function graphRequest(ctx: ChannelCallContext, input: { method: 'GET' | 'POST' | 'DELETE'; path: string; query?: Record<string, string>; body?: unknown }): Promise<ChannelAnswer> {
  const url = new URL(graphPath(input.path), ctx.apiBaseUrl);
  for (const [key, value] of Object.entries(input.query ?? {})) url.searchParams.set(key, value);
  return sendChannelRequest(
    ctx,
    { method: input.method, url, ...(input.body === undefined ? {} : { body: JSON.stringify(input.body), headers: { 'content-type': 'application/json' } }) },
    { channelName: META.displayName, requestTimeoutMs: META.requestTimeoutMs, maxOutageRetries: META.maxOutageRetries, canRefresh: false, classify: classifyMetaAnswer },
  );
}
