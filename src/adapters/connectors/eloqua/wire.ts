import { z } from 'zod';

/** Eloqua wire shapes (reference/eloqua.md). Unknown fields are ignored (loose objects). */

export const tokenResponse = z.looseObject({ access_token: z.string().min(1), refresh_token: z.string().optional(), expires_in: z.number().optional() });

/** §1: GET https://login.eloqua.com/id → urls.base. */
export const idResponse = z.looseObject({
  site: z.looseObject({ id: z.union([z.number(), z.string()]), name: z.string() }).optional(),
  user: z.looseObject({ id: z.union([z.number(), z.string()]), username: z.string().optional() }).optional(),
  urls: z.looseObject({ base: z.string() }),
});

const page = <T extends z.ZodType>(element: T) => z.looseObject({ elements: z.array(element), page: z.number(), pageSize: z.number(), total: z.number() });

export const contactField = z.looseObject({ id: z.string(), name: z.string(), internalName: z.string().optional(), dataType: z.string(), isReadOnly: z.union([z.string(), z.boolean()]).optional() });
export type EloquaField = z.infer<typeof contactField>;
export const fieldPage = page(contactField);

export const contact = z.looseObject({
  id: z.string(),
  emailAddress: z.string().optional(),
  accountName: z.string().optional(),
  updatedAt: z.string().optional(),
  fieldValues: z.array(z.looseObject({ id: z.string(), value: z.string().optional() })).optional(),
});
export type EloquaContact = z.infer<typeof contact>;
export const contactPage = page(contact);

/** 400 bodies: an array of ObjectValidationError. */
export const validationErrors = z.array(z.looseObject({ property: z.string().optional(), requirement: z.looseObject({ message: z.string().optional() }).optional() }));
