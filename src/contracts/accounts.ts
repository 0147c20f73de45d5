import { z } from 'zod';
import { defineContract, pageOf, pageQuery } from './http';

/** Account details: any company of the master database, its CRM records in this organisation, its segments. */
export const firmographicsView = z.object({
  companyId: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  otherDomains: z.array(z.string()),
  country: z.string().nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  industry: z.string().nullable(),
  employeeRange: z.string().nullable(),
  revenueRange: z.string().nullable(),
  /** Further firmographics (founded year, tickers…), as imported. */
  extra: z.record(z.string(), z.unknown()),
});

export const crmAccountView = z.object({
  provider: z.string(),
  externalId: z.string(),
  name: z.string().nullable(),
  website: z.string().nullable(),
  country: z.string().nullable(),
  ownerName: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()),
  syncedAt: z.string(),
});

export const accountSegmentView = z.object({ id: z.string().uuid(), name: z.string(), sourceType: z.string(), status: z.string(), addedAt: z.string() });

export const getAccountDetails = defineContract({
  method: 'GET',
  path: '/api/accounts/:companyId',
  summary: 'Account details: firmographics, CRM records and "Account Appears In These Segments"',
  tags: ['accounts'],
  params: z.object({ companyId: z.string().trim().min(1).max(100) }),
  response: z.object({ account: firmographicsView, crmRecords: z.array(crmAccountView), segments: z.array(accountSegmentView) }),
});

export const searchAccounts = defineContract({
  method: 'GET',
  path: '/api/accounts',
  summary: 'Browse or search the master company database by name or domain, filtered by company profile (e.g. to fix an unmatched row)',
  tags: ['accounts'],
  /** Without search the companies are listed by name; each filter keeps one company profile value (see GET /api/segments/filter-fields). */
  query: pageQuery.extend({
    search: z.string().trim().max(200).optional(),
    country: z.string().trim().length(2).optional(),
    industry: z.string().trim().min(1).max(200).optional(),
    employeeRange: z.string().trim().min(1).max(100).optional(),
    revenueRange: z.string().trim().min(1).max(100).optional(),
  }),
  response: pageOf(firmographicsView.pick({ companyId: true, name: true, domain: true, country: true, industry: true, employeeRange: true, revenueRange: true })),
});
