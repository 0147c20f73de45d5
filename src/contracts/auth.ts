import { z } from 'zod';
import { ACTIONS } from '../domain/permissions/policy';
import { ROLES } from '../domain/permissions/roles';
import { defineContract } from './http';

export const SESSION_COOKIE = 'openabm_session';
export const CSRF_HEADER = 'x-csrf-token';

export const roleSchema = z.enum(ROLES);
export const actionSchema = z.enum(ACTIONS);

export const sessionUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  orgId: z.string().uuid(),
  orgName: z.string(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({
  user: sessionUser,
  /** Send it back as the x-csrf-token header on every request that changes something. */
  csrfToken: z.string(),
  /** Every action this user may take, so the UI hides what it cannot do. */
  permissions: z.array(actionSchema),
  isSandbox: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const login = defineContract({
  method: 'POST',
  path: '/api/auth/login',
  summary: 'Log in with e-mail and password; sets an HTTP-only session cookie',
  tags: ['auth'],
  body: z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }),
  response: sessionResponse,
});

export const getSession = defineContract({
  method: 'GET',
  path: '/api/auth/session',
  summary: 'The logged-in user, CSRF token and permissions',
  tags: ['auth'],
  response: sessionResponse,
});

export const logout = defineContract({
  method: 'POST',
  path: '/api/auth/logout',
  summary: 'End the session',
  tags: ['auth'],
  response: z.object({ isLoggedOut: z.literal(true) }),
});

export const changePassword = defineContract({
  method: 'POST',
  path: '/api/auth/password',
  summary: 'Change one’s own password',
  tags: ['auth'],
  body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(12).max(1024) }),
  response: z.object({ isChanged: z.literal(true) }),
});
