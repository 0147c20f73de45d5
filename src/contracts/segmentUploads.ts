import { z } from 'zod';
import { defineContract } from './http';

/** Uploaded account lists (CSV or XLSX) a segment is created from: upload, then confirm the column mapping. */
const id = z.string().uuid();

export const uploadView = z.object({
  id,
  fileName: z.string(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  mapping: z.object({ name: z.number().int(), domain: z.number().int(), country: z.number().int() }),
  /** False: show the column-mapping step before creating the segment. */
  isMappingConfirmed: z.boolean(),
  sampleRows: z.array(z.array(z.string())),
});

export const uploadAccountList = defineContract({
  method: 'POST',
  path: '/api/segment-uploads',
  summary: 'Upload a CSV or XLSX account list (up to 25,000 rows); name, domain and country columns are detected',
  tags: ['segments'],
  body: z.object({ fileName: z.string().trim().min(1).max(300), contentBase64: z.string().max(28_000_000) }),
  response: z.object({ upload: uploadView }),
  successStatus: 201,
});

export const setUploadMapping = defineContract({
  method: 'PUT',
  path: '/api/segment-uploads/:uploadId/mapping',
  summary: 'Confirm or change which columns hold the name, domain and country (-1 = none)',
  tags: ['segments'],
  params: z.object({ uploadId: id }),
  body: z.object({ name: z.number().int().min(-1), domain: z.number().int().min(-1), country: z.number().int().min(-1) }),
  response: z.object({ upload: uploadView }),
});
