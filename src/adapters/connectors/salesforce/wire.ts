import { z } from 'zod';

/** Salesforce wire shapes (reference/salesforce.md). Unknown fields are ignored (loose objects). */

/** §3 token success. No expires_in; refresh_token only on the code grant or when rotated. */
export const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  instance_url: z.string().url(),
  id: z.string().optional(),
  token_type: z.string().optional(),
  issued_at: z.string().optional(),
  scope: z.string().optional(),
});

/** §3 token error. */
export const tokenError = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** §4 REST error envelope: an array of {message, errorCode}. */
export const restErrors = z.array(z.looseObject({ message: z.string().optional(), errorCode: z.string().optional() }));

/** §8 query page. */
export const queryPage = z.looseObject({
  totalSize: z.number().int(),
  done: z.boolean(),
  nextRecordsUrl: z.string().nullish(),
  records: z.array(z.record(z.string(), z.unknown())),
});

/** §6 list of list views. */
export const listViewList = z.looseObject({
  done: z.boolean().optional(),
  nextRecordsUrl: z.string().nullish(),
  listviews: z.array(
    z.looseObject({
      id: z.string(),
      label: z.string(),
      developerName: z.string().optional(),
      soqlCompatible: z.boolean().optional(),
      describeUrl: z.string().optional(),
      resultsUrl: z.string().optional(),
    }),
  ),
  sobjectType: z.string().optional(),
});

export interface WhereCondition {
  field?: string | undefined;
  operator?: string | undefined;
  values?: unknown;
  conditions?: WhereCondition[] | undefined;
  conjunction?: string | undefined;
}
export const whereCondition: z.ZodType<WhereCondition> = z.lazy(() =>
  z.looseObject({
    field: z.string().optional(),
    operator: z.string().optional(),
    values: z.unknown().optional(),
    conditions: z.array(whereCondition).optional(),
    conjunction: z.string().optional(),
  }),
);

/** §6 list view describe. */
export const listViewDescribe = z.looseObject({
  id: z.string(),
  query: z.string(),
  scope: z.string().nullish(),
  sobjectType: z.string(),
  whereCondition: whereCondition.nullish(),
  columns: z.array(z.looseObject({ fieldNameOrPath: z.string(), label: z.string().optional(), type: z.string().optional() })).optional(),
});

/** sObject describe: only the field names the user can see matter here. */
export const sobjectDescribe = z.looseObject({
  name: z.string(),
  fields: z.array(z.looseObject({ name: z.string(), type: z.string().optional() })),
});

const detailColumnInfo = z.record(z.string(), z.looseObject({ dataType: z.string(), label: z.string() }));

/** §7.2 report metadata (describe and run). */
export const reportMetadata = z.looseObject({
  id: z.string(),
  name: z.string(),
  developerName: z.string().optional(),
  folderId: z.string().nullish(),
  reportFormat: z.string(),
  reportType: z.looseObject({ type: z.string(), label: z.string().optional() }),
  detailColumns: z.array(z.string()).default([]),
  scope: z.string().nullish(),
});

export const reportDescribe = z.looseObject({
  reportMetadata,
  reportExtendedMetadata: z.looseObject({ detailColumnInfo: detailColumnInfo.default({}) }).optional(),
});

const dataCell = z.looseObject({ label: z.unknown().optional(), value: z.unknown().optional() });
const factMapEntry = z.looseObject({
  aggregates: z.array(z.looseObject({ label: z.unknown().optional(), value: z.unknown().optional() })).optional(),
  rows: z.array(z.looseObject({ dataCells: z.array(dataCell) })).optional(),
});

/** §7.4 run response. */
export const reportRun = z.looseObject({
  allData: z.boolean(),
  factMap: z.record(z.string(), factMapEntry),
  reportMetadata,
  reportExtendedMetadata: z.looseObject({ detailColumnInfo: detailColumnInfo.default({}) }).optional(),
});

/** §7.2 recent reports. */
export const recentReports = z.array(z.looseObject({ id: z.string(), name: z.string() }));

/** §5 limits: a map of {Max, Remaining}. */
export const limits = z.record(z.string(), z.looseObject({ Max: z.number(), Remaining: z.number() }));

export type QueryPage = z.infer<typeof queryPage>;
export type ReportRun = z.infer<typeof reportRun>;
export type ReportDescribe = z.infer<typeof reportDescribe>;
