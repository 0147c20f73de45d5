import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/permissions/roles';
import { testDatabaseKinds } from '../../../test/databases';
import { useRouteFixture } from '../../../test/routeFixture';
import { createTestDeps } from '../../../test/testApp';

const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789abcdef';
const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };

describe.each(testDatabaseKinds())('the instance operator and the master company database on %s', (kind) => {
  const t = useRouteFixture(kind, { deps: (database) => createTestDeps(database, { config: { operatorToken: OPERATOR_TOKEN } }) });
  const tag = Math.random().toString(36).slice(2, 8);
  const csv = `company_id,name,domain,country\nop-${tag}-1,Operator Imported ${tag},operator-${tag}.com,US\n`;
  const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  async function apiKeyOf(role: Role): Promise<Record<string, string>> {
    const admin = await t.headersOf(t.org, 'primary_admin');
    const created = await inject('POST', '/api/api-keys', admin, { name: `key ${role}`, role });
    expect(created.statusCode).toBe(201);
    return { authorization: `Bearer ${created.json().secret as string}` };
  }

  it('rejects an unauthenticated caller', async () => {
    const response = await inject('GET', '/api/operator/organizations', {});
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toBe('Send the instance operator token as Authorization: Bearer <OPENABM_OPERATOR_TOKEN>.');
    expect((await inject('GET', '/api/operator/organizations', { authorization: 'Bearer not-the-operator-token-at-all-0000000' })).statusCode).toBe(401);
  });

  it.each([...ROLES])('refuses a master write to a %s session and API key with 403 and where to go instead', async (role) => {
    const session = await t.headersOf(t.org, role);
    const key = await apiKeyOf(role);
    for (const headers of [session, key]) {
      for (const url of ['/api/companies/import', '/api/operator/companies/import']) {
        // Refused before the body is read: an empty body gets the same 403.
        for (const payload of [{ csv }, {}]) {
          const response = await inject('POST', url, headers, payload);
          expect(response.statusCode).toBe(403);
          expect(response.json().message).toContain('only the instance operator writes it');
          expect(response.json().message).toContain('Settings → Companies');
        }
      }
      expect((await inject('POST', '/api/operator/organizations', headers, { name: 'Mine', adminEmail: `x-${tag}@example.test` })).statusCode).toBe(403);
    }
    const stored = await t.database.query('SELECT id FROM companies WHERE id = $1', [`op-${tag}-1`]);
    expect(stored).toEqual([]);
  });

  it('lets the operator import master companies, at the old path too', async () => {
    const response = await inject('POST', '/api/operator/companies/import', operator, { csv });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ upserted: 1, rejected: [] });
    const legacy = await inject('POST', '/api/companies/import', operator, { csv: `company_id,name\nop-${tag}-2,Second ${tag}\nop-${tag}-3,\n` });
    expect(legacy.json()).toEqual({ upserted: 1, rejected: [{ line: 3, reason: 'name is empty' }] });
    const stored = await t.database.query<{ id: string; org_id: string | null }>('SELECT id, org_id FROM companies WHERE id LIKE $1 ORDER BY id', [`op-${tag}-%`]);
    expect(stored).toEqual([{ id: `op-${tag}-1`, org_id: null }, { id: `op-${tag}-2`, org_id: null }]);
  });

  it('creates an organisation whose primary administrator logs in with the one-time password; deactivation locks it out', async () => {
    const adminEmail = `first.admin.${tag}@example.test`;
    const created = await inject('POST', '/api/operator/organizations', operator, { name: `Initech ${tag}`, adminEmail });
    expect(created.statusCode).toBe(201);
    const { organization, admin, oneTimePassword } = created.json();
    expect(organization).toMatchObject({ name: `Initech ${tag}`, isActive: true, userCount: 1 });
    expect(admin).toMatchObject({ email: adminEmail, role: 'primary_admin' });
    const login = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: adminEmail, password: oneTimePassword } });
    const loggedIn = await login();
    expect(loggedIn.statusCode).toBe(200);
    expect(loggedIn.json().user.mustChangePassword).toBe(true);

    const listed = (await inject('GET', '/api/operator/organizations', operator)).json().items;
    expect(listed).toContainEqual(expect.objectContaining({ id: organization.id, name: `Initech ${tag}`, isActive: true }));

    // A key of the organisation, made through the database the way the UI would after the password change.
    await t.database.query("UPDATE users SET must_change_password = false WHERE lower(email) = $1", [adminEmail]);
    const session = await login();
    const cookie = session.headers['set-cookie'];
    const headers = { cookie: String(Array.isArray(cookie) ? cookie[0] : cookie).split(';')[0] ?? '', 'x-csrf-token': session.json().csrfToken as string };
    const key = await inject('POST', '/api/api-keys', headers, { name: 'ci', role: 'view_only' });
    expect(key.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${key.json().secret as string}` };
    expect((await inject('GET', '/api/segments', bearer)).statusCode).toBe(200);

    const deactivated = await inject('POST', `/api/operator/organizations/${organization.id}/deactivate`, operator);
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().organization).toMatchObject({ isActive: false, deactivatedAt: expect.any(String) });
    expect((await login()).statusCode).toBe(401);
    expect((await inject('GET', '/api/segments', bearer)).statusCode).toBe(401);
    expect((await inject('GET', '/api/auth/session', headers)).statusCode).toBe(401);
    expect((await inject('POST', '/api/operator/organizations/00000000-0000-4000-8000-000000000000/deactivate', operator)).statusCode).toBe(404);
  });

  it('answers a clear sentence when the organisation form is incomplete', async () => {
    const response = await inject('POST', '/api/operator/organizations', operator, { name: 'No admin' });
    expect(response.statusCode).toBe(400);
  });
});

describe.each(testDatabaseKinds())('the operator API without OPENABM_OPERATOR_TOKEN on %s', (kind) => {
  const t = useRouteFixture(kind);
  it('is off, and says how to turn it on', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/operator/organizations', headers: { authorization: 'Bearer anything-anything-anything-anything' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe('The operator API is off on this instance: set OPENABM_OPERATOR_TOKEN (32 characters or more) and restart openabm.');
  });
});
