import { z } from 'zod';
import { defineContract } from './http';

/** The organisation's additions to the built-in exclusion list (domains that never identify a company). */
export const excludedDomainView = z.object({ domain: z.string() });

export const listExcludedDomains = defineContract({
  method: 'GET',
  path: '/api/companies/excluded-domains',
  summary: "The organisation's excluded domains, and how many are built in (free e-mail, social networks, site builders)",
  tags: ['companies'],
  response: z.object({ items: z.array(excludedDomainView), builtInCount: z.number().int() }),
});

export const addExcludedDomains = defineContract({
  method: 'POST',
  path: '/api/companies/excluded-domains',
  summary: 'Exclude domains (websites, URLs or e-mail addresses are reduced to their registrable domain)',
  tags: ['companies'],
  body: z.object({ domains: z.array(z.string().trim().min(1).max(2048)).min(1).max(1000) }),
  response: z.object({ added: z.array(z.string()) }),
});

export const removeExcludedDomain = defineContract({
  method: 'DELETE',
  path: '/api/companies/excluded-domains/:domain',
  summary: "Remove a domain from the organisation's exclusion list",
  tags: ['companies'],
  params: z.object({ domain: z.string().trim().min(1).max(253) }),
  response: z.object({ removed: z.string() }),
});

export const importCompanies = defineContract({
  method: 'POST',
  path: '/api/companies/import',
  summary: 'Import master companies from CSV text (upsert by company_id); rejected rows come back with line and reason',
  tags: ['companies'],
  // About 100,000 companies; larger files go through `openabm companies import FILE`, which streams.
  body: z.object({ csv: z.string().min(1).max(10_000_000) }),
  response: z.object({ upserted: z.number().int(), rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })) }),
});
