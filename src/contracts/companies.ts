import { z } from 'zod';
import { defineContract, pageOf, pageQueryOf } from './http';

/** The organisation's additions to the built-in exclusion list (domains that never identify a company). */
export const excludedDomainView = z.object({ domain: z.string() });

export const listExcludedDomains = defineContract({
  method: 'GET',
  path: '/api/companies/excluded-domains',
  summary: "The organisation's excluded domains, and how many are built in (free e-mail, social networks, site builders)",
  tags: ['companies'],
  response: z.object({ items: z.array(excludedDomainView), builtInCount: z.number().int() }),
});

export const matchSettingsView = z.object({
  /**
   * A row whose domain is on the exclusion list (gmail.com, hotmail.com…) is matched on its name and country, the
   * domain counting for nothing; false: such rows stay unmatched ("The provided domain is on the exclusion list.").
   */
  nameFallbackOnExcludedDomain: z.boolean(),
});

export const getMatchSettings = defineContract({
  method: 'GET',
  path: '/api/companies/match-settings',
  summary: 'Matching settings: whether rows with an excluded (personal e-mail) domain are matched on name and country',
  tags: ['companies'],
  response: matchSettingsView,
});

export const updateMatchSettings = defineContract({
  method: 'PUT',
  path: '/api/companies/match-settings',
  summary: 'Change the matching settings (lists matched from then on use them)',
  tags: ['companies'],
  body: matchSettingsView,
  response: matchSettingsView,
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

// Master company imports moved to the instance operator: contracts/operator.ts.

/** A private company: the organisation's own, matched for it alone (never for another organisation). */
export const privateCompanyView = z.object({
  /** The stored id (for delete); `companyId` is the organisation's own id from its file or form. */
  id: z.string(),
  companyId: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  industry: z.string().nullable(),
  employeeRange: z.string().nullable(),
  createdAt: z.string(),
});
export type PrivateCompanyView = z.infer<typeof privateCompanyView>;

export const PRIVATE_COMPANIES_PAGE_SIZE = 25;

export const listPrivateCompanies = defineContract({
  method: 'GET',
  path: '/api/companies/private',
  summary: "The organisation's private companies (matched for it alone), by name, with search",
  tags: ['companies'],
  query: z.object({
    search: z.string().trim().max(200).optional(),
    ...pageQueryOf({ defaultPageSize: PRIVATE_COMPANIES_PAGE_SIZE, maxPageSize: 200 }).shape,
  }),
  response: pageOf(privateCompanyView),
});

export const addPrivateCompany = defineContract({
  method: 'POST',
  path: '/api/companies/private',
  summary: 'Add one private company; refused when the master company database already has its domain and country',
  tags: ['companies'],
  body: z.object({
    name: z.string().trim().min(1, 'Enter the company name.').max(500),
    domain: z.string().trim().max(2048).optional(),
    country: z.string().trim().max(100).optional(),
    industry: z.string().trim().max(200).optional(),
    employeeRange: z.string().trim().max(100).optional(),
  }),
  response: z.object({ company: privateCompanyView }),
  successStatus: 201,
});

export const importPrivateCompanies = defineContract({
  method: 'POST',
  path: '/api/companies/private/import',
  summary: 'Import private companies from CSV text (company_id,name,domain,country,…; upsert by company_id); rejected rows come back with line and reason',
  tags: ['companies'],
  body: z.object({ csv: z.string().min(1, 'Choose a CSV file.').max(10_000_000, 'The file is larger than 10 MB.') }),
  response: z.object({ upserted: z.number().int(), rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })) }),
});

export const deletePrivateCompany = defineContract({
  method: 'DELETE',
  path: '/api/companies/private/:companyId',
  summary: 'Delete one private company (segments keep their members until their next refresh)',
  tags: ['companies'],
  params: z.object({ companyId: z.string().min(1).max(300) }),
  response: z.object({ deleted: z.string() }),
});
