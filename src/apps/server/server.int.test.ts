import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../adapters/db/database';
import { defineContract } from '../../contracts/http';
import { createTestOrg, type TestOrg } from '../../test/createTestOrg';
import { testDatabaseKinds } from '../../test/databases';
import { useRouteFixture } from '../../test/routeFixture';
import { createTestApp, logInAs, TEST_PASSWORD } from '../../test/testApp';
import { buildApp } from './buildApp';
import { defineRoute, type RouteDefinition } from './defineRoute';
import { routes } from './routes/index';

describe.each(testDatabaseKinds())('HTTP API on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let otherOrg: TestOrg;

  const fixture = useRouteFixture(kind);
  beforeAll(() => {
    ({ database, app, org, otherOrg } = fixture);
  });

  const admin = () => ({ orgId: org.orgId, userId: org.userIds.primary_admin, email: org.emails.primary_admin });

  it('answers GET /healthz', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: kind });
  });

  it('rejects an unauthenticated caller with a JSON error', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/users' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated', message: expect.any(String), requestId: expect.any(String) });
  });

  it('rejects a wrong password with invalid_credentials', async () => {
    await logInAs(app, database, admin());
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: org.emails.primary_admin, password: 'wrong' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'invalid_credentials', message: 'The e-mail or password is incorrect.' });
  });

  it('rejects an unknown e-mail the same way as a wrong password', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toBe('The e-mail or password is incorrect.');
  });

  it('rejects malformed JSON with invalid_json', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_json');
  });

  it('rejects a body that breaks the contract with validation_failed and the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.c' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    expect(response.json().message).toBe('Password is required.');
  });

  it('answers an unknown route with not_found', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found', message: 'Route GET /api/nope not found' });
  });

  it('logs in, returns the session with permissions, and sets an HTTP-only cookie', async () => {
    await logInAs(app, database, admin());
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: org.emails.primary_admin.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'openabm_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(response.json().user).toMatchObject({ role: 'primary_admin', orgName: 'Acme' });
    expect(response.json().permissions).toContain('users.manage');
  });

  it('refuses a write without the CSRF header', async () => {
    const session = await logInAs(app, database, admin());
    const response = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: session.cookie }, payload: { email: 'x@example.test', name: 'X', role: 'view_only' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_failed');
  });

  it('lets an admin add a user who can then log in with the one-time password', async () => {
    const session = await logInAs(app, database, admin());
    const email = `new.${Date.now()}@example.test`;
    const added = await app.inject({ method: 'POST', url: '/api/users', headers: session.headers, payload: { email, name: 'New Person', role: 'marketing_user' } });
    expect(added.statusCode).toBe(201);
    const { oneTimePassword } = added.json();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: oneTimePassword } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ role: 'marketing_user', mustChangePassword: true });
  });

  it('refuses users.manage to a marketing user with forbidden', async () => {
    const session = await logInAs(app, database, { orgId: org.orgId, userId: org.userIds.marketing_user, email: org.emails.marketing_user });
    const response = await app.inject({ method: 'POST', url: '/api/users', headers: session.headers, payload: { email: 'y@example.test', name: 'Y', role: 'view_only' } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden', message: 'Your role (Marketing User) does not allow this action (users.manage).' });
  });

  it('cannot see another org’s data: changing a user of another organisation answers 404', async () => {
    const session = await logInAs(app, database, admin());
    const response = await app.inject({ method: 'PATCH', url: `/api/users/${otherOrg.userIds.view_only}`, headers: session.headers, payload: { role: 'abm_admin' } });
    expect(response.statusCode).toBe(404);
    const list = await app.inject({ method: 'GET', url: '/api/users', headers: session.headers });
    const emails = (list.json().items as Array<{ email: string }>).map((u) => u.email);
    expect(emails).toContain(org.emails.view_only);
    expect(emails).not.toContain(otherOrg.emails.view_only);
  });

  it('refuses to demote the last primary administrator', async () => {
    const other = await createTestOrg(database, 'Solo');
    const session = await logInAs(app, database, { orgId: other.orgId, userId: other.userIds.abm_admin, email: other.emails.abm_admin });
    const response = await app.inject({ method: 'PATCH', url: `/api/users/${other.userIds.primary_admin}`, headers: session.headers, payload: { role: 'view_only' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe('Only a Primary Administrator may change another Primary Administrator.');
  });

  it('creates an API key shown once, stores only its hash, and accepts it as a bearer token', async () => {
    const session = await logInAs(app, database, admin());
    const created = await app.inject({ method: 'POST', url: '/api/api-keys', headers: session.headers, payload: { name: 'CI', role: 'view_only' } });
    expect(created.statusCode).toBe(201);
    const { secret, apiKey } = created.json();
    const stored = await database.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = $1', [apiKey.id]);
    expect(stored[0]?.key_hash).not.toContain(secret);
    const users = await app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${secret}` } });
    expect(users.statusCode).toBe(200);
    const write = await app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${secret}` }, payload: { email: 'z@example.test', name: 'Z', role: 'view_only' } });
    expect(write.statusCode).toBe(403);
    const revoked = await app.inject({ method: 'DELETE', url: `/api/api-keys/${apiKey.id}`, headers: session.headers });
    expect(revoked.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${secret}` } });
    expect(after.statusCode).toBe(401);
  });

  it('logs out: the cookie no longer works', async () => {
    const session = await logInAs(app, database, admin());
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers });
    expect(me.statusCode).toBe(401);
  });

  it('refuses to register a route without a permission', async () => {
    const contract = defineContract({ method: 'GET', path: '/api/unguarded', summary: 'x', tags: ['x'], response: z.object({}) });
    const unguarded = { contract, handler: async () => ({}) } as unknown as RouteDefinition;
    const { deps } = await createTestApp(database);
    await expect(buildApp(deps, { routes: [...routes, unguarded], isServingWeb: false })).rejects.toThrow('declares no permission');
    expect(defineRoute).toBeTypeOf('function');
  });
});
