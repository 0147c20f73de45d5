import { z } from 'zod';
import { defineContract } from './http';

/**
 * The Segments API (API key: `Authorization: Bearer oabm_…`): segments published to the API use (or every active
 * segment, per Settings > API), their accounts, a company's segments, and membership changes since a cursor.
 * Each API key may make 120 requests a minute; over that the answer is 429 with Retry-After (seconds).
 * When segments are turned off in Settings > API every call answers 403.
 */
const id = z.string().uuid();
const scope = z.enum(['published', 'all_active']);

export const segmentsApiSettingsView = z.object({ isEnabled: z.boolean(), scope });
/** The settings as read back, with the per-key rate limit Settings > API shows. */
export const segmentsApiSettingsState = segmentsApiSettingsView.extend({ requestsPerMinute: z.number().int() });

export const getSegmentsApiSettings = defineContract({
  method: 'GET',
  path: '/api/settings/segments-api',
  summary: 'Settings > API: whether API keys read segments, and which (published or all active)',
  tags: ['segments-api'],
  response: segmentsApiSettingsState,
});

export const saveSegmentsApiSettings = defineContract({
  method: 'PUT',
  path: '/api/settings/segments-api',
  summary: 'Turn segments on or off for the API and choose "Published segments" or "All active segments"',
  tags: ['segments-api'],
  body: segmentsApiSettingsView,
  response: segmentsApiSettingsState,
});

export const listApiSegments = defineContract({
  method: 'GET',
  path: '/api/v1/segments',
  summary: 'Segments available to the API',
  tags: ['segments-api'],
  response: z.object({ scope, segments: z.array(z.object({ id, name: z.string(), accountCount: z.number().int() })) }),
});

const apiAccount = z.object({ companyId: z.string(), name: z.string().nullable(), domain: z.string().nullable(), country: z.string().nullable() });

export const listApiSegmentAccounts = defineContract({
  method: 'GET',
  path: '/api/v1/segments/:segmentId/accounts',
  summary: 'Accounts of a segment, page by page (pass nextCursor back as cursor)',
  tags: ['segments-api'],
  params: z.object({ segmentId: id }),
  query: z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(1_000).default(500) }),
  response: z.object({ accounts: z.array(apiAccount), nextCursor: z.string().nullable() }),
});

export const findCompanySegments = defineContract({
  method: 'GET',
  path: '/api/v1/company-segments',
  summary: 'The segments a company belongs to, by master company id or domain',
  tags: ['segments-api'],
  query: z.object({ companyId: z.string().trim().min(1).max(100).optional(), domain: z.string().trim().min(1).max(255).optional() }),
  response: z.object({
    company: apiAccount,
    segments: z.object({ ids: z.array(id), names: z.array(z.string()), list: z.array(z.object({ id, name: z.string() })) }),
  }),
});

export const listSegmentChanges = defineContract({
  method: 'GET',
  path: '/api/v1/segment-changes',
  summary: 'Accounts added to and removed from segments since a cursor, oldest first',
  tags: ['segments-api'],
  query: z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(5_000).default(1_000) }),
  response: z.object({
    changes: z.array(z.object({ segmentId: id, companyId: z.string(), change: z.enum(['added', 'removed']), at: z.string() })),
    nextCursor: z.string(),
    hasMore: z.boolean(),
  }),
});
