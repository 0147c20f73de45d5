import { z } from 'zod';

/** Response shapes of Entra ID and the Dataverse Web API (reference §1–§5), parsed at the edge. */

export const tokenResponseSchema = z.object({
  token_type: z.string(),
  scope: z.string().optional(),
  expires_in: z.coerce.number().int().nonnegative(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const aadErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
  error_codes: z.array(z.number()).optional(),
});

export const odataErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const whoAmISchema = z.object({
  UserId: z.string(),
  BusinessUnitId: z.string().optional(),
  OrganizationId: z.string().optional(),
});

/** A record: plain columns plus `@`-annotations; values are JSON scalars. */
export const wireRecordSchema = z.record(z.string(), z.unknown());
export type WireRecord = z.infer<typeof wireRecordSchema>;

export const collectionSchema = z.object({
  value: z.array(wireRecordSchema),
  '@odata.nextLink': z.string().optional(),
  '@Microsoft.Dynamics.CRM.fetchxmlpagingcookie': z.string().optional(),
  '@Microsoft.Dynamics.CRM.morerecords': z.boolean().optional(),
});
export type Collection = z.infer<typeof collectionSchema>;

const managedBoolean = z.union([z.boolean(), z.object({ Value: z.boolean() })]).transform((value) => (typeof value === 'boolean' ? value : value.Value));

export const savedQuerySchema = z.object({
  savedqueryid: z.string(),
  name: z.string(),
  returnedtypecode: z.string(),
  fetchxml: z.string().nullable().optional(),
  querytype: z.number().nullable().optional(),
  isdefault: z.boolean().nullable().optional(),
  iscustomizable: managedBoolean.nullable().optional(),
  description: z.string().nullable().optional(),
});
export type SavedQuery = z.infer<typeof savedQuerySchema>;

export const userQuerySchema = z.object({
  userqueryid: z.string(),
  name: z.string(),
  returnedtypecode: z.string(),
  fetchxml: z.string().nullable().optional(),
  querytype: z.number().nullable().optional(),
  description: z.string().nullable().optional(),
  _ownerid_value: z.string().nullable().optional(),
});
export type UserQuery = z.infer<typeof userQuerySchema>;
