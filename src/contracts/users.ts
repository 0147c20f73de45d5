import { z } from 'zod';
import { roleSchema } from './auth';
import { defineContract } from './http';

export const userSummary = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const listUsers = defineContract({
  method: 'GET',
  path: '/api/users',
  summary: 'Users of the organisation',
  tags: ['users'],
  response: z.object({ items: z.array(userSummary) }),
});

export const addUser = defineContract({
  method: 'POST',
  path: '/api/users',
  summary: 'Add (invite) a user; returns a one-time password to hand over',
  tags: ['users'],
  body: z.object({ email: z.string().trim().email().max(320), name: z.string().trim().min(1).max(200), role: roleSchema }),
  response: z.object({ user: userSummary, oneTimePassword: z.string() }),
  successStatus: 201,
});

export const updateUser = defineContract({
  method: 'PATCH',
  path: '/api/users/:userId',
  summary: 'Change a user’s role or deactivate them',
  tags: ['users'],
  params: z.object({ userId: z.string().uuid() }),
  body: z.object({ role: roleSchema.optional(), isActive: z.boolean().optional() }),
  response: z.object({ user: userSummary }),
});

export const apiKeySummary = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const listApiKeys = defineContract({
  method: 'GET',
  path: '/api/api-keys',
  summary: 'API keys of the organisation (secrets are never shown again)',
  tags: ['api keys'],
  response: z.object({ items: z.array(apiKeySummary) }),
});

export const createApiKey = defineContract({
  method: 'POST',
  path: '/api/api-keys',
  summary: 'Create an API key; the secret is shown once',
  tags: ['api keys'],
  body: z.object({ name: z.string().trim().min(1).max(100), role: roleSchema.default('view_only') }),
  response: z.object({ apiKey: apiKeySummary, secret: z.string() }),
  successStatus: 201,
});

export const revokeApiKey = defineContract({
  method: 'DELETE',
  path: '/api/api-keys/:apiKeyId',
  summary: 'Revoke an API key',
  tags: ['api keys'],
  params: z.object({ apiKeyId: z.string().uuid() }),
  response: z.object({ apiKey: apiKeySummary }),
});

export const resetUserPassword = defineContract({
  method: 'POST',
  path: '/api/users/:userId/password-reset',
  summary: 'Give a user a new one-time password (shown once); their sessions end and they choose a new password at log-in',
  tags: ['users'],
  params: z.object({ userId: z.string().uuid() }),
  response: z.object({ user: userSummary, oneTimePassword: z.string() }),
});
