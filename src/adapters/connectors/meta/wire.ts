import { z } from 'zod';

/** Meta Graph wire shapes (../shared/reference/meta.md). Extra fields pass through. */
export const graphError = z.object({
  error: z
    .object({
      message: z.string().optional(),
      type: z.string().optional(),
      code: z.number().optional(),
      error_subcode: z.number().optional(),
      error_user_title: z.string().optional(),
      error_user_msg: z.string().optional(),
    })
    .passthrough(),
});

export const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().optional(), token_type: z.string().optional() });

export const adAccountsPage = z.object({
  data: z.array(z.object({ id: z.string(), name: z.string().optional(), account_id: z.string().optional() }).passthrough()),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).passthrough().optional(),
});

export const createdObject = z.object({ id: z.union([z.string(), z.number()]) });

export const customAudience = z
  .object({
    id: z.union([z.string(), z.number()]),
    name: z.string().optional(),
    approximate_count_lower_bound: z.number().optional(),
    operation_status: z.union([z.number(), z.object({ code: z.number().optional(), description: z.string().optional() }).passthrough()]).optional(),
  })
  .passthrough();

export const usersResponse = z
  .object({
    audience_id: z.union([z.string(), z.number()]).optional(),
    num_received: z.number().optional(),
    num_invalid_entries: z.number().optional(),
    invalid_entry_samples: z.unknown().optional(),
  })
  .passthrough();
