import { z } from 'zod';

/** LinkedIn wire shapes (../shared/reference/linkedin.md). Extra fields pass through. */
export const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: z.number().optional(),
  scope: z.string().optional(),
});

export const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });

export const adAccountUsers = z.object({
  elements: z.array(z.object({ account: z.string(), role: z.string().optional() }).passthrough()),
});

export const adAccount = z.object({ id: z.union([z.number(), z.string()]), name: z.string().optional() }).passthrough();

export const dmpSegment = z
  .object({
    id: z.union([z.number(), z.string()]),
    name: z.string().optional(),
    status: z.string().optional(),
    matchedCount: z.number().optional(),
    audienceSize: z.number().optional(),
  })
  .passthrough();

export const dmpSegmentList = z.object({ elements: z.array(dmpSegment) });

export const batchStatuses = z.object({
  elements: z.array(z.object({ status: z.number(), error: z.object({ message: z.string().optional(), status: z.number().optional() }).passthrough().optional() }).passthrough()),
});

export const errorBody = z.object({ message: z.string().optional(), status: z.number().optional(), serviceErrorCode: z.number().optional(), code: z.string().optional() }).passthrough();
