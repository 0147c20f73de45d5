import type { ChannelCallContext } from '../../../ports/adChannel';
import { sendChannelRequest, type ChannelAnswer } from '../adChannelHttp';
import { classifyLinkedInAnswer } from './errors';
import { LINKEDIN, restPath } from './provider';

/** One LinkedIn REST call with the versioned headers (linkedin.md §1). */
export function linkedInRequest(
  ctx: ChannelCallContext,
  input: { method: 'GET' | 'POST' | 'DELETE'; path: string; query?: Record<string, string>; body?: unknown; restliMethod?: string },
): Promise<ChannelAnswer> {
  const url = new URL(restPath(input.path), ctx.apiBaseUrl);
  for (const [key, value] of Object.entries(input.query ?? {})) url.searchParams.set(key, value);
  return sendChannelRequest(
    ctx,
    {
      method: input.method,
      url,
      headers: {
        'LinkedIn-Version': LINKEDIN.apiVersion,
        'X-Restli-Protocol-Version': LINKEDIN.restliProtocolVersion,
        ...(input.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(input.restliMethod ? { 'X-RestLi-Method': input.restliMethod } : {}),
      },
      ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
    },
    { channelName: LINKEDIN.displayName, requestTimeoutMs: LINKEDIN.requestTimeoutMs, maxOutageRetries: LINKEDIN.maxOutageRetries, canRefresh: true, classify: classifyLinkedInAnswer },
  );
}
