import { z } from 'zod';
import { defineContract } from './http';

export const webTagSettings = z.object({
  tagKey: z.string(),
  snippet: z.string(),
  health: z.object({
    pagesSeenLast7Days: z.number().int(),
    visitsLast7Days: z.number().int(),
    visitsPerDayLast7Days: z.number(),
    lastVisitAt: z.string().nullable(),
    /** One point per UTC day, oldest first, days without visits included. */
    last30Days: z.array(z.object({ day: z.string(), visits: z.number().int() })),
  }),
  ipRangeCount: z.number().int(),
});

export const getWebTagSettings = defineContract({
  method: 'GET',
  path: '/api/web-tag',
  summary: 'The web tag snippet and its health (pages seen, visits per day, the last 30 days)',
  tags: ['web tag'],
  response: webTagSettings,
});

export const importIpRanges = defineContract({
  method: 'POST',
  path: '/api/web-tag/ip-ranges',
  summary: 'Import the organisation’s IP-range → company file (CSV; replaces the previous file)',
  tags: ['web tag'],
  body: z.object({ csv: z.string().min(1).max(20 * 1024 * 1024) }),
  response: z.object({ imported: z.number().int(), rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })) }),
});

export const accountVisit = z.object({ url: z.string(), referrer: z.string().nullable(), visitedAt: z.string(), visitorId: z.string() });

export const listAccountVisits = defineContract({
  method: 'GET',
  path: '/api/accounts/:companyId/visits',
  summary: 'The account’s recent web visits (resolved through the IP-range file)',
  tags: ['web tag'],
  params: z.object({ companyId: z.string().min(1).max(200) }),
  response: z.object({ items: z.array(accountVisit) }),
});

export const privacyRequest = z.object({
  id: z.string().uuid(),
  email: z.string().nullable(),
  visitorId: z.string().nullable(),
  receivedAt: z.string(),
  handledAt: z.string().nullable(),
  deletionSummary: z.record(z.string(), z.number()).nullable(),
});
export type PrivacyRequestSummary = z.infer<typeof privacyRequest>;

export const listPrivacyRequests = defineContract({
  method: 'GET',
  path: '/api/privacy-requests',
  summary: 'The register of privacy opt-out requests',
  tags: ['privacy'],
  response: z.object({ items: z.array(privacyRequest) }),
});

export const recordPrivacyRequest = defineContract({
  method: 'POST',
  path: '/api/privacy-requests',
  summary: 'Record a privacy opt-out request (an e-mail address or a web visitor id)',
  tags: ['privacy'],
  body: z.object({
    email: z.string().trim().email().max(320).optional(),
    visitorId: z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, 'A visitor id has 8 to 64 letters, digits, - or _.').optional(),
    receivedAt: z.string().datetime().optional(),
  }),
  response: z.object({ request: privacyRequest }),
  successStatus: 201,
});

export const handlePrivacyRequest = defineContract({
  method: 'POST',
  path: '/api/privacy-requests/:requestId/handle',
  summary: 'Handle a request: delete that person’s visits and contact data everywhere openabm keeps them',
  tags: ['privacy'],
  params: z.object({ requestId: z.string().uuid() }),
  response: z.object({ request: privacyRequest }),
});
