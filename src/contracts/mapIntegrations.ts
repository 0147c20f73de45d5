import { z } from 'zod';
import { defineContract } from './http';
import { apiAllowanceBody, completeCrmOAuthQuery, connectionSummaryBase, credentialPolicySchema } from './integrations';

/**
 * Marketing-automation integrations (Settings > Integrations, beside the CRMs): HubSpot (OAuth), Marketo (REST client
 * id/secret + Munchkin id + instance URL), Pardot (Salesforce OAuth + business unit id), Eloqua (OAuth, or Basic auth
 * whose password may expire every 90 days). Changes need `integrations.manage`; reading needs `view`.
 */
export const mapProviderSchema = z.enum(['hubspot', 'marketo', 'pardot', 'eloqua']);
export type MapProviderIdBody = z.infer<typeof mapProviderSchema>;
export const mapEnvironmentSchema = z.enum(['production', 'sandbox', 'emulator']);
export const mapAuthKindSchema = z.enum(['oauth_code', 'client_credentials', 'basic']);

const providerParams = z.object({ provider: mapProviderSchema });

export const mapProviderOption = z.object({
  provider: mapProviderSchema,
  displayName: z.string(),
  /** How this provider connects by default; Eloqua also offers 'basic'. */
  authKinds: z.array(mapAuthKindSchema),
  environments: z.array(z.object({ environment: mapEnvironmentSchema, label: z.string() })),
  /** Inputs the connect dialog asks for (besides the environment), by provider. */
  fields: z.array(z.enum(['clientId', 'clientSecret', 'instanceUrl', 'munchkinId', 'businessUnitId', 'siteName', 'userName', 'password'])),
  objects: z.array(z.object({ name: z.string(), label: z.string(), isDefault: z.boolean() })),
  batchUpdateMax: z.number().int(),
  defaultDailyApiAllowance: z.number().int(),
});

export const mapConnectionSummary = connectionSummaryBase.extend({
  provider: mapProviderSchema,
  authKind: mapAuthKindSchema,
  environment: mapEnvironmentSchema,
});
export type MapConnectionSummary = z.infer<typeof mapConnectionSummary>;

export const listMapConnections = defineContract({
  method: 'GET',
  path: '/api/integrations/map',
  summary: 'Marketing-automation connections with status and API usage, and the providers that can be connected',
  tags: ['integrations'],
  response: z.object({ items: z.array(mapConnectionSummary), providers: z.array(mapProviderOption) }),
});

const optionalText = z.string().trim().min(1).max(500).optional();

export const startMapConnectionBody = z.object({
  environment: mapEnvironmentSchema,
  /** Eloqua only: 'basic' connects with site, user name and password instead of OAuth. */
  authKind: mapAuthKindSchema.optional(),
  /** OAuth app (HubSpot, Pardot's connected app, Eloqua) or Marketo's REST client; optional only for the emulator. */
  clientId: optionalText,
  clientSecret: optionalText,
  /** Marketo: the REST endpoint (https://123-ABC-456.mktorest.com). */
  instanceUrl: z.string().trim().url().optional(),
  munchkinId: z.string().trim().regex(/^\d{3}-[A-Z]{3}-\d{3}$/, 'The Munchkin id looks like 123-ABC-456.').optional(),
  /** Pardot: the business unit id (0Uv…). */
  businessUnitId: z.string().trim().regex(/^0Uv[A-Za-z0-9]{12,15}$/, 'The business unit id starts with 0Uv and has 15 or 18 characters.').optional(),
  siteName: optionalText,
  userName: optionalText,
  password: z.string().min(1).max(500).optional(),
  credentialPolicy: credentialPolicySchema.default('never_expire'),
  dailyApiAllowance: z.number().int().min(0).max(10_000_000).optional(),
});
export type StartMapConnectionInput = z.infer<typeof startMapConnectionBody>;

export const startMapConnection = defineContract({
  method: 'POST',
  path: '/api/integrations/map/:provider/connect',
  summary: 'Connect: OAuth providers get the URL to send the browser to; Marketo and Eloqua Basic auth connect at once',
  tags: ['integrations'],
  params: providerParams,
  body: startMapConnectionBody,
  response: z.object({ authorizationUrl: z.string().url().nullable(), connection: mapConnectionSummary.nullable() }),
});

/** The provider redirects the browser here; the server answers with a redirect to the integrations page. */
export const completeMapOAuth = defineContract({
  method: 'GET',
  path: '/api/integrations/map/oauth/callback',
  summary: 'OAuth callback of HubSpot, Pardot (Salesforce login) and Eloqua: stores the tokens sealed, redirects to the integrations page',
  tags: ['integrations'],
  query: completeCrmOAuthQuery,
  response: z.object({ redirectTo: z.string() }),
});

export const disconnectMap = defineContract({
  method: 'DELETE',
  path: '/api/integrations/map/:provider',
  summary: 'Disconnect a marketing-automation system: delete its sealed credentials',
  tags: ['integrations'],
  params: providerParams,
  response: z.object({ isDisconnected: z.boolean() }),
});

export const setMapApiAllowance = defineContract({
  method: 'PUT',
  path: '/api/integrations/map/:provider/allowance',
  summary: 'Set the daily API allowance (calls per UTC day) for this marketing-automation system',
  tags: ['integrations'],
  params: providerParams,
  body: apiAllowanceBody,
  response: z.object({ connection: mapConnectionSummary }),
});
