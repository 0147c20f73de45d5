import { z } from 'zod';
import { CHANGE_REASON_LABELS } from '../domain/segments/diffMembership';
import { COMPANY_PROFILE_FIELDS, COMPANY_PROFILE_LABELS, filterNode } from '../domain/segments/filterTree';
import { SEGMENT_STATUSES } from '../domain/segments/refreshDecision';
import { segmentSource, SOURCE_TYPES, SOURCE_TYPE_LABELS } from '../domain/segments/segmentSource';
import { UNMATCHED_REASON_LABELS } from '../domain/segments/unmatchedReasons';
import { PUBLISH_USES } from '../domain/publish/publishUses';
import { defineContract, pageOf, pageQuery } from './http';
import { crmSourceSummary } from './integrations';

/**
 * Segments: the HTTP contracts the server, the web pages, the CLI and tests share. Error bodies follow
 * contracts/http.ts; messages of a CRM source breaking a rule are the specification's words (domain/crmSources/messages.ts).
 *
 * Flow for the web pages:
 *  - Create from a file: POST /api/segment-uploads (file as base64) → if upload.isMappingConfirmed is false, show the
 *    column-mapping step and PUT /api/segment-uploads/:uploadId/mapping → POST /api/segments { source: { type: 'upload', uploadId } }.
 *  - Create from CRM: list sources with GET /api/integrations/crm/... (integrations contracts), then POST /api/segments
 *    { source: { type: 'crm_list' | 'crm_report', provider, sourceId } }. A source breaking a rule answers 400
 *    validation_failed (or 409 limit_reached, 502 provider_error) with the specification's message; nothing is created.
 *  - Filters: POST /api/segments/preview-count while editing; POST /api/segments { source: { type: 'filters' }, filter }.
 *  - After create: the response carries the confirmation counts; GET …/confirmation pages the unmatched and duplicate
 *    rows; POST …/rows/:rowNumber/match fixes a row (kept on every refresh).
 */
export { filterNode, segmentSource, SOURCE_TYPES, SOURCE_TYPE_LABELS, SEGMENT_STATUSES, COMPANY_PROFILE_FIELDS, COMPANY_PROFILE_LABELS, UNMATCHED_REASON_LABELS, CHANGE_REASON_LABELS };
export type { FilterNode, FilterCondition, FilterGroup } from '../domain/segments/filterTree';
export { OPERATORS_BY_FIELD_TYPE, type CrmFieldType } from '../domain/segments/crmFieldTypes';
export type { SegmentSource } from '../domain/segments/segmentSource';

const id = z.string().uuid();
const isoDate = z.string();

export const segmentCounts = z.object({
  recordsRead: z.number().int(),
  /** Matched to the master company database (each company once). */
  matched: z.number().int(),
  /** "Unmatched Accounts". */
  unmatched: z.number().int(),
  /** "Duplicate Matches Ignored". */
  duplicates: z.number().int(),
  /** Accounts in the segment (matched and kept by the filters). */
  members: z.number().int(),
});

export const segmentSourceView = z.object({
  type: z.enum(SOURCE_TYPES),
  label: z.string(),
  provider: z.enum(['salesforce', 'dynamics']).nullable(),
  kind: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  objectType: z.string().nullable(),
  uploadId: z.string().nullable(),
  fileName: z.string().nullable(),
});

/** Activations column of the list: ad syncs and publishing fill it in later issues. */
export const segmentActivationsView = z.object({
  activeSyncCount: z.number().int(),
  isPublished: z.boolean(),
  /** Where it is published (Segment Name Enrichment, Account Details, GTM, API); 'gtm' marks a GTM segment. */
  publishedUses: z.array(z.enum(PUBLISH_USES)),
});

export const segmentSummary = z.object({
  id,
  name: z.string(),
  folder: z.object({ id, name: z.string() }).nullable(),
  source: segmentSourceView,
  owner: z.object({ userId: id, name: z.string().nullable() }).nullable(),
  status: z.enum(SEGMENT_STATUSES),
  /** "Refresh now" was asked for and no worker has picked it up yet: shown as "Refresh queued". */
  isRefreshQueued: z.boolean(),
  /** The specification's error when the source broke a rule (the last good membership is kept). */
  statusMessage: z.string().nullable(),
  memberCount: z.number().int(),
  lastRefreshedAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  activations: segmentActivationsView,
});
export type SegmentSummary = z.infer<typeof segmentSummary>;

export const segmentDetail = segmentSummary.extend({
  filter: filterNode.nullable(),
  counts: segmentCounts,
  lastAttemptedAt: isoDate.nullable(),
  nextRefreshAt: isoDate.nullable(),
  /** Null when the segment may be deleted; otherwise why not (synced or published). */
  deleteBlockedReason: z.string().nullable(),
});
export type SegmentDetail = z.infer<typeof segmentDetail>;

const segmentParams = z.object({ segmentId: id });

export const listSegments = defineContract({
  method: 'GET',
  path: '/api/segments',
  summary: 'Segments, with folders, search and filters (source type, owner, refreshed, status)',
  tags: ['segments'],
  query: pageQuery.extend({
    search: z.string().trim().max(200).optional(),
    /** A folder id, or "none" for segments outside any folder; omitted = all. */
    folderId: z.union([id, z.literal('none')]).optional(),
    sourceType: z.enum(SOURCE_TYPES).optional(),
    ownerUserId: id.optional(),
    status: z.enum(SEGMENT_STATUSES).optional(),
    refreshedAfter: z.iso.datetime().optional(),
    refreshedBefore: z.iso.datetime().optional(),
    sort: z.enum(['name', 'updatedAt', 'lastRefreshedAt', 'memberCount']).default('updatedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
  }),
  response: pageOf(segmentSummary),
});

export const createSegment = defineContract({
  method: 'POST',
  path: '/api/segments',
  summary: 'Create a segment from a CRM list, a CRM report, an uploaded list or filters; builds it at once',
  tags: ['segments'],
  body: z.object({
    name: z.string().trim().min(1).max(200),
    folderId: id.nullable().optional(),
    source: segmentSource,
    /** Filters alone (source filters) or narrowing a list/report/upload. */
    filter: filterNode.nullable().optional(),
  }),
  response: z.object({ segment: segmentDetail }),
  successStatus: 201,
});

export const getSegment = defineContract({
  method: 'GET',
  path: '/api/segments/:segmentId',
  summary: 'A segment with its counts, source and filters',
  tags: ['segments'],
  params: segmentParams,
  response: z.object({ segment: segmentDetail }),
});

export const updateSegment = defineContract({
  method: 'PATCH',
  path: '/api/segments/:segmentId',
  summary: 'Rename, move to a folder (null = no folder) or change the filters (rebuilds the membership)',
  tags: ['segments'],
  params: segmentParams,
  body: z.object({ name: z.string().trim().min(1).max(200).optional(), folderId: id.nullable().optional(), filter: filterNode.nullable().optional() }),
  response: z.object({ segment: segmentDetail }),
});

export const deleteSegment = defineContract({
  method: 'DELETE',
  path: '/api/segments/:segmentId',
  summary: 'Delete a segment; refused (409 conflict) while it is synced or published',
  tags: ['segments'],
  params: segmentParams,
  response: z.object({ deletedSegmentId: id }),
});

export const duplicateSegment = defineContract({
  method: 'POST',
  path: '/api/segments/:segmentId/duplicate',
  summary: 'Copy a segment (source, filters, folder, manual match fixes and membership)',
  tags: ['segments'],
  params: segmentParams,
  body: z.object({ name: z.string().trim().min(1).max(200).optional() }),
  response: z.object({ segment: segmentDetail }),
  successStatus: 201,
});

export const refreshSegmentNow = defineContract({
  method: 'POST',
  path: '/api/segments/:segmentId/refresh',
  summary: '"Refresh now": queues a refresh of the segment (one at a time per segment)',
  tags: ['segments'],
  params: segmentParams,
  response: z.object({ isQueued: z.boolean(), jobId: z.string().nullable() }),
  successStatus: 202,
});

export const matchCandidateView = z.object({
  companyId: z.string(),
  score: z.number(),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  /** One of the companies that fit the row equally well (its reason is "ambiguous"): choose among them. */
  isEqualFit: z.boolean(),
  /** For an equal fit, what tells it apart from the others (website, place, data sets, or its id). */
  detail: z.string().nullable(),
});

export const sourceRowView = z.object({
  rowNumber: z.number().int(),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  crmObjectType: z.string().nullable(),
  crmExternalId: z.string().nullable(),
  status: z.enum(['matched', 'unmatched', 'duplicate']),
  reason: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  company: z.object({ id: z.string(), name: z.string().nullable(), domain: z.string().nullable(), country: z.string().nullable() }).nullable(),
  isManualMatch: z.boolean(),
  isFilteredOut: z.boolean(),
  candidates: z.array(matchCandidateView),
});
export type SourceRowView = z.infer<typeof sourceRowView>;

export const getSegmentConfirmation = defineContract({
  method: 'GET',
  path: '/api/segments/:segmentId/confirmation',
  summary: 'Confirmation report: records read, matched, "Unmatched Accounts" with reasons, "Duplicate Matches Ignored"',
  tags: ['segments'],
  params: segmentParams,
  query: pageQuery,
  response: z.object({
    counts: segmentCounts,
    unmatched: pageOf(sourceRowView),
    duplicates: pageOf(sourceRowView),
    manualMatches: z.array(sourceRowView),
    /** Of the matched rows, those matched on name and country because their domain is on the exclusion list. */
    nameCountryMatches: z.number().int(),
  }),
});

/** What a CSV use case returns; the route answers the CSV itself (text/csv, Content-Disposition). Cells are formula-safe. */
export const csvFile = z.object({ fileName: z.string(), contentType: z.literal('text/csv'), csv: z.string() });

export const exportUnmatchedRows = defineContract({
  method: 'GET',
  path: '/api/segments/:segmentId/unmatched.csv',
  summary: 'The "Unmatched Accounts" with reasons, as CSV',
  tags: ['segments'],
  params: segmentParams,
  response: csvFile,
  responseFormat: 'csv',
});

export const fixUnmatchedRow = defineContract({
  method: 'POST',
  path: '/api/segments/:segmentId/rows/:rowNumber/match',
  summary: 'Match a row to the company a user picked (a candidate or any company); kept on every refresh',
  tags: ['segments'],
  params: z.object({ segmentId: id, rowNumber: z.coerce.number().int().min(1) }),
  body: z.object({ companyId: z.string().trim().min(1).max(100) }),
  response: z.object({ row: sourceRowView, counts: segmentCounts }),
});

/** Withdraws a hand fix: the row goes back to what the matching engine found (its candidates stay). */
export const undoRowFix = defineContract({
  method: 'DELETE',
  path: '/api/segments/:segmentId/rows/:rowNumber/match',
  summary: 'Undo a match fixed by hand; the row is matched as the engine found it again',
  tags: ['segments'],
  params: z.object({ segmentId: id, rowNumber: z.coerce.number().int().min(1) }),
  response: z.object({ row: sourceRowView, counts: segmentCounts }),
});

export const segmentMemberView = z.object({
  companyId: z.string(),
  company: z.string().nullable(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  industry: z.string().nullable(),
  /** Employee range. */
  size: z.string().nullable(),
  revenueRange: z.string().nullable(),
  crmOwner: z.string().nullable(),
  addedAt: isoDate,
});
export type SegmentMemberView = z.infer<typeof segmentMemberView>;
export const MEMBER_SORTS = ['company', 'domain', 'country', 'industry', 'size', 'crmOwner', 'addedAt'] as const;

export const listSegmentMembers = defineContract({
  method: 'GET',
  path: '/api/segments/:segmentId/members',
  summary: 'The accounts of a segment, paged and sortable',
  tags: ['segments'],
  params: segmentParams,
  query: pageQuery.extend({ sort: z.enum(MEMBER_SORTS).default('company'), direction: z.enum(['asc', 'desc']).default('asc'), search: z.string().trim().max(200).optional() }),
  response: pageOf(segmentMemberView),
});

export const exportSegmentMembers = defineContract({
  method: 'GET',
  path: '/api/segments/:segmentId/members.csv',
  summary: 'The accounts of a segment as CSV (safe against spreadsheet formula injection)',
  tags: ['segments'],
  params: segmentParams,
  response: csvFile,
  responseFormat: 'csv',
});

export const refreshView = z.object({
  id,
  /** 'manual_match': a user fixed or undid a row's match (triggeredBy, note). */
  trigger: z.enum(['create', 'schedule', 'manual', 'edit', 'manual_match']),
  triggeredBy: z.object({ userId: id, name: z.string().nullable() }).nullable(),
  /** What a hand fix did: "Row 7 matched to Birch Investments" / "Row 7: hand fix undone". */
  note: z.string().nullable(),
  status: z.enum(['succeeded', 'failed']),
  errorMessage: z.string().nullable(),
  counts: segmentCounts,
  addedCount: z.number().int(),
  removedCount: z.number().int(),
  startedAt: isoDate,
  finishedAt: isoDate,
});

export const listSegmentRefreshes = defineContract({
  method: 'GET',
  path: '/api/segments/:segmentId/refreshes',
  summary: 'Refresh history with the number of accounts added and removed',
  tags: ['segments'],
  params: segmentParams,
  response: z.object({ items: z.array(refreshView) }),
});

export const membershipChangeView = z.object({
  companyId: z.string(),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  change: z.enum(['added', 'removed']),
  why: z.string(),
  whyLabel: z.string(),
});

/** The first build (trigger 'create') lists no changes: it added every member (see its addedCount). */
export const listRefreshChanges = defineContract({
  method: 'GET',
  path: '/api/segments/:segmentId/refreshes/:refreshId/changes',
  summary: 'Accounts a refresh added and removed, and why',
  tags: ['segments'],
  params: z.object({ segmentId: id, refreshId: id }),
  query: pageQuery,
  response: pageOf(membershipChangeView),
});

/** Company profile values compare exactly: pick them from GET /api/segments/filter-fields (country codes in any case). */
export const previewFilterCount = defineContract({
  method: 'POST',
  path: '/api/segments/preview-count',
  summary: 'Live count of the accounts a filter selects while editing',
  tags: ['segments'],
  body: z.object({ filter: filterNode }),
  response: z.object({ count: z.number().int() }),
});

export const crmFieldTypeSchema = z.enum(['text', 'number', 'date', 'boolean']);

export const filterFieldsView = z.object({
  /** values in display order (ranges by size); options label each value (country codes with their English names). */
  companyProfile: z.array(z.object({ field: z.enum(COMPANY_PROFILE_FIELDS), label: z.string(), values: z.array(z.string()), options: z.array(z.object({ value: z.string(), label: z.string() })) })),
  /** fields: every field name; typedFields: the same with the type seen in the synced values, for typed operators. */
  crm: z.array(z.object({ system: z.enum(['salesforce', 'dynamics']), fields: z.array(z.string()), typedFields: z.array(z.object({ name: z.string(), type: crmFieldTypeSchema })) })),
  operators: z.array(z.enum(['equals', 'in', 'contains', 'range', 'is_empty'])),
});

export const listFilterFields = defineContract({
  method: 'GET',
  path: '/api/segments/filter-fields',
  summary: 'Filter fields and their known values (company profile), and synced CRM fields',
  tags: ['segments'],
  response: filterFieldsView,
});

export const listSegmentCrmSources = defineContract({
  method: 'GET',
  path: '/api/segments/crm-sources/:provider',
  summary: 'The CRM lists and reports segments can be built from, as cached with the CRM sync (re-read in the background when stale)',
  tags: ['segments'],
  params: z.object({ provider: z.enum(['salesforce', 'dynamics']) }),
  response: z.object({ items: z.array(crmSourceSummary), refreshedAt: isoDate, isRefreshing: z.boolean() }),
});
