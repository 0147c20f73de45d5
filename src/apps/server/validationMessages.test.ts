import { validatorCompiler } from 'fastify-type-provider-zod';
import type { SchemaIssue } from './validationMessages';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabel, validationSentence } from './validationMessages';

const schema = z.object({
  email: z.string().trim().email().max(320),
  name: z.string().trim().min(1).max(5),
  newPassword: z.string().min(12),
  role: z.enum(['view_only', 'abm_admin']),
  pageSize: z.number().int().max(500),
  isActive: z.boolean(),
  filters: z.array(z.object({ field: z.string() })).min(1),
  orgUrl: z.string().url(),
  userId: z.string().uuid(),
}).strict();

const valid = { email: 'a@b.example', name: 'Ann', newPassword: 'twelve chars!', role: 'view_only', pageSize: 10, isActive: true, filters: [{ field: 'x' }], orgUrl: 'https://x.example', userId: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' };

function sentenceFor(input: Record<string, unknown>): string[] {
  // The same compiler the server uses, so the issues have the shape the error handler receives.
  const validate = validatorCompiler({ schema, method: 'POST', url: '/test', httpPart: 'body' }) as (data: unknown) => { error?: SchemaIssue[] };
  return (validate(input).error ?? []).map((issue) => validationSentence(issue, 'body'));
}

describe('validation sentences', () => {
  it.each([
    [{ email: 'not-an-address' }, 'Enter a valid e-mail address.'],
    [{ email: undefined }, 'E-mail address is required.'],
    [{ name: '' }, 'Name cannot be empty.'],
    [{ name: 'far too long' }, 'Name must be at most 5 characters.'],
    [{ newPassword: 'short' }, 'New password must be at least 12 characters.'],
    [{ role: 'king' }, 'Role must be one of: view_only, abm_admin.'],
    [{ pageSize: 501 }, 'Page size must be at most 500.'],
    [{ pageSize: 'ten' }, 'Page size must be a number.'],
    [{ isActive: 'yes' }, 'Is active must be true or false.'],
    [{ filters: [] }, 'Filters must have at least 1 item.'],
    [{ filters: [{ field: 3 }] }, 'Field must be text.'],
    [{ orgUrl: 'nope' }, 'Organisation URL must be a full URL, such as https://example.com.'],
    [{ userId: '42' }, 'User id is not a valid id.'],
    [{ extra: 1 }, '"extra" is not a field this request accepts.'],
  ])('%j reads "%s"', (patch, sentence) => {
    expect(sentenceFor({ ...valid, ...patch })).toEqual([sentence]);
  });

  it('never echoes the machine path', () => {
    for (const sentence of sentenceFor({})) expect(sentence).not.toMatch(/Invalid|\/\w/);
  });

  it('labels list items by their position', () => {
    expect(fieldLabel('/filters/0')).toBe('Filters item 1');
  });
});
