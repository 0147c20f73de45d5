import { z } from 'zod';
import { defineContract } from './http';
import { userSummary } from './users';

/**
 * The instance operator's API: the operator belongs to no organisation and authenticates with
 * `Authorization: Bearer <OPENABM_OPERATOR_TOKEN>`. Organisation users and API keys are refused (403).
 */
export const organizationSummary = z.object({
  id: z.string(),
  name: z.string(),
  isActive: z.boolean(),
  isDemo: z.boolean(),
  userCount: z.number().int(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
export type OrganizationSummary = z.infer<typeof organizationSummary>;

export const companyImportResult = z.object({ upserted: z.number().int(), rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })) });

/** CSV text of about 100,000 companies; larger files go through `openabm companies import FILE`, which streams. */
export const companyCsvBody = z.object({ csv: z.string().min(1, 'Paste or upload a CSV file.').max(10_000_000, 'The file is larger than 10 MB: import it with `openabm companies import FILE`.') });

export const operatorCreateOrganization = defineContract({
  method: 'POST',
  path: '/api/operator/organizations',
  summary: 'Create an organisation and its first Primary Administrator (the one-time password is shown once)',
  tags: ['operator'],
  body: z.object({
    name: z.string().trim().min(1, 'Enter the organisation’s name.').max(200),
    adminEmail: z.string().trim().email('Enter a valid e-mail address.').max(320),
    adminName: z.string().trim().max(200).optional(),
  }),
  response: z.object({ organization: organizationSummary, admin: userSummary, oneTimePassword: z.string() }),
  successStatus: 201,
});

export const operatorListOrganizations = defineContract({
  method: 'GET',
  path: '/api/operator/organizations',
  summary: 'Every organisation of this openabm instance',
  tags: ['operator'],
  response: z.object({ items: z.array(organizationSummary) }),
});

export const operatorDeactivateOrganization = defineContract({
  method: 'POST',
  path: '/api/operator/organizations/:orgId/deactivate',
  summary: 'Deactivate an organisation: its users are logged out and refused, its API keys stop working',
  tags: ['operator'],
  params: z.object({ orgId: z.string().uuid('The organisation id is a UUID.') }),
  response: z.object({ organization: organizationSummary }),
});

export const operatorImportMasterCompanies = defineContract({
  method: 'POST',
  path: '/api/operator/companies/import',
  summary: 'Import master companies from CSV text (upsert by company_id); rejected rows come back with line and reason',
  tags: ['operator'],
  body: companyCsvBody,
  response: companyImportResult,
});

/** The former organisation route: it stays to tell organisation callers (403) where master writes went. */
export const importMasterCompaniesLegacy = defineContract({ ...operatorImportMasterCompanies, path: '/api/companies/import' });
