import { z } from 'zod';

/** Marketo wire shapes (reference/marketo.md). Unknown fields are ignored (loose objects). */

export const tokenResponse = z.looseObject({ access_token: z.string().min(1), expires_in: z.number().optional(), scope: z.string().optional() });
export const tokenError = z.looseObject({ error: z.string(), error_description: z.string().optional() });

const error = z.looseObject({ code: z.union([z.string(), z.number()]).transform(String), message: z.string() });

/** §3: every REST answer (HTTP 200) carries success and, when false, errors[]. */
export const envelope = z.looseObject({ requestId: z.string().optional(), success: z.boolean(), errors: z.array(error).optional() });

export const describeResult = z.looseObject({
  result: z.array(
    z.looseObject({
      id: z.number(),
      displayName: z.string(),
      dataType: z.string(),
      length: z.number().optional(),
      rest: z.looseObject({ name: z.string(), readOnly: z.boolean().optional() }),
    }),
  ),
});
export type MarketoField = z.infer<typeof describeResult>['result'][number];

export const leadsResult = z.looseObject({
  result: z.array(z.record(z.string(), z.unknown())),
  nextPageToken: z.string().optional(),
  moreResult: z.boolean().optional(),
});

/** §2 per-record results, in input order. */
export const syncResult = z.looseObject({
  result: z.array(z.looseObject({ id: z.number().optional(), status: z.string(), reasons: z.array(error).optional() })),
});
