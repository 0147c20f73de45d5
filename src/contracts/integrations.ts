import { z } from 'zod';
import { defineContract } from './http';

/**
 * CRM integrations (Settings > Integrations): connect Salesforce / Dynamics 365 by OAuth, see status and API usage,
 * set the daily API allowance, run the daily data sync, browse list views / reports and preview their records.
 * Changes need `integrations.manage` (admins); reading needs `view`.
 */
export const crmProviderSchema = z.enum(['salesforce', 'dynamics']);
export type CrmProviderId = z.infer<typeof crmProviderSchema>;

export const connectionStatusSchema = z.enum(['connected', 'expiring', 'expired', 'reauth_required', 'api_limit_reached', 'error']);
export const credentialPolicySchema = z.enum(['never_expire', 'expire_every_90_days']);
/** production = login.salesforce.com, sandbox = test.salesforce.com, custom = a My Domain / Entra authority, emulator = sandbox mode's emulator. */
export const loginEnvironmentSchema = z.enum(['production', 'sandbox', 'custom', 'emulator']);
export const crmSourceKindSchema = z.enum(['list_view', 'report', 'saved_view', 'user_view']);
export const crmObjectTypeSchema = z.enum(['account', 'contact', 'lead']);

const providerParams = z.object({ provider: crmProviderSchema });

/** One login choice of the connect dialog ("Production", "Sandbox", "Custom domain", "Sandbox (emulator)"). */
export const loginOption = z.object({
  environment: loginEnvironmentSchema,
  label: z.string(),
  /** Fixed login URL, or null when the user types it (custom). */
  loginUrl: z.string().nullable(),
  /** The emulator comes with its own OAuth client: clientId/clientSecret may be left empty. */
  hasBuiltInClient: z.boolean(),
});

export const crmProviderOption = z.object({
  provider: crmProviderSchema,
  displayName: z.string(),
  loginOptions: z.array(loginOption),
  /** Dynamics needs the organisation URL (https://acme.crm.dynamics.com). */
  needsResourceUrl: z.boolean(),
  hasReports: z.boolean(),
  hasListViews: z.boolean(),
});

export const crmSyncRunSummary = z.object({
  status: z.enum(['running', 'completed', 'failed', 'stopped_api_limit', 'stopped_reauth']),
  isFull: z.boolean(),
  recordsSynced: z.number().int(),
  apiCalls: z.number().int(),
  errorMessage: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** What every connection summary shows, CRM or marketing automation: status model, credentials, API budget. */
export const connectionSummaryBase = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  status: connectionStatusSchema,
  statusLabel: z.string(),
  /** Why the status is not connected: the specification's message (e.g. "Unable to log into SFDC instance, …"). */
  statusReason: z.string().nullable(),
  statusChangedAt: z.string(),
  instanceUrl: z.string(),
  /** The provider account: Salesforce org id, Munchkin id, business unit id, Eloqua site name. */
  externalOrgId: z.string().nullable(),
  credentialPolicy: credentialPolicySchema,
  credentialsSetAt: z.string(),
  /** Predicted from the credential policy; null for "Never Expire". */
  credentialsExpireAt: z.string().nullable(),
  dailyApiAllowance: z.number().int(),
  /** Provider calls counted today (UTC day) against the allowance. */
  apiCallsToday: z.number().int(),
  /** Calls refused today because the allowance was spent. */
  apiCallsRefusedToday: z.number().int(),
  /** The provider's own daily usage as last reported (Sforce-Limit-Info / limits). */
  providerApiUsage: z.object({ used: z.number().int(), max: z.number().int() }).nullable(),
  /** When a spent allowance comes back (next UTC midnight). */
  allowanceResetsAt: z.string(),
  isApiLimitReachedToday: z.boolean(),
  connectedAt: z.string(),
});

export type ConnectionSummaryBase = z.infer<typeof connectionSummaryBase>;

/** Body of the allowance endpoints (CRM and marketing automation). */
export const apiAllowanceBody = z.object({ dailyApiAllowance: z.number().int().min(0).max(10_000_000) });

export const crmConnectionSummary = connectionSummaryBase.extend({
  provider: crmProviderSchema,
  environment: loginEnvironmentSchema,
  loginUrl: z.string(),
  externalUserId: z.string().nullable(),
  firstFullSyncAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  lastSyncRun: crmSyncRunSummary.nullable(),
  recordCounts: z.object({ account: z.number().int(), contact: z.number().int(), lead: z.number().int() }),
});
export type CrmConnectionSummary = z.infer<typeof crmConnectionSummary>;

export const listCrmConnections = defineContract({
  method: 'GET',
  path: '/api/integrations/crm',
  summary: 'CRM connections of the organisation with status and API usage, and the providers that can be connected',
  tags: ['integrations'],
  response: z.object({ items: z.array(crmConnectionSummary), providers: z.array(crmProviderOption) }),
});

export const startCrmConnectionBody = z.object({
  environment: loginEnvironmentSchema,
  /** Required for environment 'custom' (My Domain / Entra authority with tenant); ignored otherwise. */
  loginUrl: z.string().trim().url().optional(),
  /** Dynamics organisation URL. */
  resourceUrl: z.string().trim().url().optional(),
  /** The connected app's consumer key / application id; optional only for the emulator. */
  clientId: z.string().trim().min(1).max(500).optional(),
  clientSecret: z.string().min(1).max(500).optional(),
  credentialPolicy: credentialPolicySchema.default('never_expire'),
  dailyApiAllowance: z.number().int().min(0).max(10_000_000).optional(),
});
export type StartCrmConnectionInput = z.infer<typeof startCrmConnectionBody>;

export const startCrmConnection = defineContract({
  method: 'POST',
  path: '/api/integrations/crm/:provider/connect',
  summary: 'Start the OAuth authorization-code flow: returns the provider URL to send the browser to',
  tags: ['integrations'],
  params: providerParams,
  body: startCrmConnectionBody,
  response: z.object({ authorizationUrl: z.string().url() }),
});

export const completeCrmOAuthQuery = z.object({
  state: z.string().min(1).max(500),
  code: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

/** The provider redirects the browser here; the server answers with a redirect to the integrations page. */
export const completeCrmOAuth = defineContract({
  method: 'GET',
  path: '/api/integrations/crm/oauth/callback',
  summary: 'OAuth callback: exchanges the code, stores the tokens encrypted, redirects to the integrations page',
  tags: ['integrations'],
  query: completeCrmOAuthQuery,
  response: z.object({ redirectTo: z.string() }),
});

/** Where the callback sends the browser: `?connected=<provider>` or `?error=<message>&provider=<provider>`. */
export const INTEGRATIONS_PAGE_PATH = '/settings/integrations';

export const disconnectCrm = defineContract({
  method: 'DELETE',
  path: '/api/integrations/crm/:provider',
  summary: 'Disconnect: revoke and delete the tokens, and the synced CRM records',
  tags: ['integrations'],
  params: providerParams,
  response: z.object({ isDisconnected: z.boolean() }),
});

export const setCrmApiAllowance = defineContract({
  method: 'PUT',
  path: '/api/integrations/crm/:provider/allowance',
  summary: 'Set the daily API allowance (contracted calls per UTC day) for this provider',
  tags: ['integrations'],
  params: providerParams,
  body: apiAllowanceBody,
  response: z.object({ connection: crmConnectionSummary }),
});

export const startCrmSync = defineContract({
  method: 'POST',
  path: '/api/integrations/crm/:provider/sync',
  summary: 'Queue the CRM data sync (accounts, contacts, leads) now',
  tags: ['integrations'],
  params: providerParams,
  response: z.object({ isQueued: z.boolean() }),
  successStatus: 202,
});

export const crmSourceSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: crmSourceKindSchema,
  objectType: z.enum(['account', 'contact', 'lead', 'other']),
  rowCount: z.number().int().nullable(),
  isUsable: z.boolean(),
  /** Verbatim specification messages for every rule the source breaks. */
  problems: z.array(z.string()),
  /** Report format and type, list view scope, folder, … */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type CrmSourceSummaryBody = z.infer<typeof crmSourceSummary>;

export const listCrmSources = defineContract({
  method: 'GET',
  path: '/api/integrations/crm/:provider/sources',
  summary: 'Account list views and reports (Dynamics views) with whether each can back a segment',
  tags: ['integrations'],
  params: providerParams,
  response: z.object({ items: z.array(crmSourceSummary) }),
});

export const crmRecordSummary = z.object({
  externalId: z.string(),
  objectType: crmObjectTypeSchema,
  name: z.string().nullable(),
  website: z.string().nullable(),
  country: z.string().nullable(),
  email: z.string().nullable(),
  ownerName: z.string().nullable(),
  accountExternalId: z.string().nullable(),
  companyName: z.string().nullable(),
});

export const previewCrmSource = defineContract({
  method: 'GET',
  path: '/api/integrations/crm/:provider/sources/:kind/:sourceId/preview',
  summary: 'Fetch a source’s records after checking every rule; a broken rule answers 400 with the spec’s message',
  tags: ['integrations'],
  params: z.object({ provider: crmProviderSchema, kind: crmSourceKindSchema, sourceId: z.string().min(1).max(100) }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
  response: z.object({ source: crmSourceSummary, totalRecords: z.number().int(), records: z.array(crmRecordSummary) }),
});
