import { z } from 'zod';

/** Google wire shapes (../shared/reference/google-ads.md). Extra fields pass through; enum values are strings. */
export const rpcStatus = z.object({
  error: z
    .object({
      code: z.number().optional(),
      message: z.string().optional(),
      status: z.string().optional(),
      details: z.array(z.object({ errors: z.array(z.object({ errorCode: z.record(z.string(), z.string()).optional(), message: z.string().optional() }).passthrough()).optional() }).passthrough()).optional(),
    })
    .passthrough(),
});

export const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().optional(), refresh_token: z.string().optional(), scope: z.string().optional() });

export const accessibleCustomers = z.object({ resourceNames: z.array(z.string()).default([]) });

export const searchResults = z.object({ results: z.array(z.record(z.string(), z.unknown())).default([]) }).passthrough();

export const customerRow = z.object({ customer: z.object({ id: z.union([z.string(), z.number()]).optional(), descriptiveName: z.string().optional() }).passthrough() });

export const userListRow = z.object({
  userList: z
    .object({
      id: z.union([z.string(), z.number()]).optional(),
      name: z.string().optional(),
      sizeForDisplay: z.union([z.string(), z.number()]).optional(),
      membershipStatus: z.string().optional(),
    })
    .passthrough(),
});

export const mutateResults = z.object({ results: z.array(z.object({ resourceName: z.string() })).min(1) });

export const ingestResponse = z.object({ requestId: z.string().optional() }).passthrough();

export const requestStatus = z
  .object({
    requestStatusPerDestination: z
      .array(z.object({ requestStatus: z.string().optional(), errorInfo: z.unknown().optional() }).passthrough())
      .default([]),
  })
  .passthrough();
