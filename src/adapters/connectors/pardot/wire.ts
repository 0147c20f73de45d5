import { z } from 'zod';

/** Pardot v5 and Salesforce token wire shapes (reference/pardot.md, salesforce.md §3). */

export const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  instance_url: z.string().optional(),
  id: z.string().optional(),
});
export const tokenError = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** §3: `{"code":<int>,"message":"…"}`. */
export const errorBody = z.looseObject({ code: z.number(), message: z.string() });

export const customFields = z.looseObject({
  values: z.array(z.looseObject({ id: z.number(), fieldId: z.string(), name: z.string(), type: z.string() })),
});
export type PardotCustomField = z.infer<typeof customFields>['values'][number];

export const prospectPage = z.looseObject({
  values: z.array(z.record(z.string(), z.unknown())),
  nextPageToken: z.string().nullish(),
});
