import { z } from 'zod';

/** HubSpot wire shapes (reference/hubspot.md). Unknown fields are ignored (loose objects). */

export const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
  token_type: z.string().optional(),
  hub_id: z.union([z.number(), z.string()]).optional(),
});

/** Every HubSpot error body: status "error", message, category / errorType, policyName on 429. */
export const errorBody = z.looseObject({
  status: z.string().optional(),
  message: z.string().optional(),
  category: z.string().optional(),
  errorType: z.string().optional(),
  policyName: z.string().optional(),
  context: z.record(z.string(), z.unknown()).optional(),
});

export const property = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  hubspotDefined: z.boolean().optional(),
  calculated: z.boolean().optional(),
  modificationMetadata: z.looseObject({ readOnlyValue: z.boolean().optional() }).optional(),
  options: z.array(z.looseObject({ value: z.string(), label: z.string().optional() })).optional(),
});
export type HubSpotProperty = z.infer<typeof property>;

export const propertyList = z.looseObject({ results: z.array(property) });

export const simpleObject = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  updatedAt: z.string().optional(),
});

export const objectPage = z.looseObject({
  results: z.array(simpleObject),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});

/** §2 batch answer: 200 (all ok) or 207 with numErrors and errors[]. */
export const batchResponse = z.looseObject({
  status: z.string(),
  results: z.array(simpleObject),
  numErrors: z.number().optional(),
  errors: z.array(errorBody).optional(),
});
