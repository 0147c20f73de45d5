import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../../../adapters/crypto-auth/passwords';
import { saveLoginThrottle } from '../../../../adapters/db/repositories/loginThrottle';
import { updateUserRow } from '../../../../adapters/db/repositories/users';
import { ADDRESS_THROTTLE, addressThrottleKey } from '../../../../domain/auth/loginThrottle';
import { fixedClock } from '../../../../ports/clock';
import { testDatabaseKinds } from '../../../../test/databases';
import { useRouteFixture } from '../../../../test/routeFixture';
import { createTestDeps, TEST_PASSWORD } from '../../../../test/testApp';
import { PUBLIC_BODY_LIMIT_BYTES } from '../../registerRoute';

const clock = fixedClock(new Date());
let addressCounter = 0;
/** Each test fails from its own address (TEST-NET-3), so address counts never leak between tests. */
const freshAddress = () => `203.0.113.${++addressCounter}`;

describe.each(testDatabaseKinds())('log-in, log-out and passwords on %s', (kind) => {
  const t = useRouteFixture(kind, { deps: (database) => createTestDeps(database, { clock }) });

  const logInFrom = (remoteAddress: string, email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

  it('slows an account down after 5 quick failures: 429 with Retry-After and when to retry, growing each time', async () => {
    const email = t.org.emails.marketing_user;
    await t.logIn(t.org, 'marketing_user');
    for (let attempt = 1; attempt <= 5; attempt++) expect((await logInFrom(freshAddress(), email, 'wrong password')).statusCode).toBe(401);
    // Even the right password waits: the check happens before the password is looked at.
    const refused = await logInFrom(freshAddress(), email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.json()).toMatchObject({ code: 'rate_limited', message: 'Too many failed log-ins. Try again in 30 seconds.' });

    clock.advance(30_000);
    expect((await logInFrom(freshAddress(), email, 'wrong again')).statusCode).toBe(401);
    const longer = await logInFrom(freshAddress(), email, TEST_PASSWORD);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('60');
    clock.advance(60_000);
    expect((await logInFrom(freshAddress(), email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a success resets the account: five more failures are needed before the next wait', async () => {
    const email = t.org.emails.view_only;
    await t.logIn(t.org, 'view_only');
    for (let attempt = 1; attempt <= 4; attempt++) await logInFrom(freshAddress(), email, 'wrong');
    expect((await logInFrom(freshAddress(), email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) expect((await logInFrom(freshAddress(), email, 'wrong')).statusCode).toBe(401);
    expect((await logInFrom(freshAddress(), email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('slows down one address that guesses across many accounts', async () => {
    const address = freshAddress();
    // 19 failures on as many accounts already counted (each real attempt costs a password hash: the test starts near the limit).
    await saveLoginThrottle(t.database.db, addressThrottleKey(address), { failureCount: ADDRESS_THROTTLE.freeFailures - 1, lastFailureAt: clock.now(), blockedUntil: null });
    expect((await logInFrom(address, 'nobody@example.test', 'guess')).statusCode).toBe(401);
    const refused = await logInFrom(address, t.otherOrg.emails.view_only, 'guess');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBe(30);
    // Another address is not affected.
    expect((await logInFrom(freshAddress(), t.otherOrg.emails.view_only, 'guess')).statusCode).toBe(401);
  });

  it('refuses a log-in body of more than a few KB with 413', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.example', password: 'x'.repeat(PUBLIC_BODY_LIMIT_BYTES) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });

  it('answers a broken field with a sentence about that field', async () => {
    const headers = await t.headersOf(t.org, 'primary_admin');
    const response = await t.app.inject({ method: 'POST', url: '/api/users', headers, payload: { email: 'not-an-address', name: 'X', role: 'view_only' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', message: 'Enter a valid e-mail address.', details: [{ where: 'body', path: '/email', message: 'Enter a valid e-mail address.' }] });
  });

  it('decides authorisation before validation: a view-only API key gets 403 for a write with a broken body', async () => {
    const headers = await t.headersOf(t.org, 'primary_admin');
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/api-keys', headers, payload: { name: 'read only', role: 'view_only' } })).json();
    const response = await t.app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${secret}` }, payload: { email: 42 } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
  });

  it('with a one-time password only changing it is allowed: every other call answers 403 password_change_required', async () => {
    const admin = await t.headersOf(t.org, 'primary_admin');
    const email = `otp.${Date.now()}@example.test`;
    const { oneTimePassword } = (await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { email, name: 'New', role: 'abm_admin' } })).json();
    const login = await logInFrom(freshAddress(), email, oneTimePassword);
    expect(login.json().user.mustChangePassword).toBe(true);
    const cookie = `openabm_session=${login.cookies.find((c) => c.name === 'openabm_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
    const blocked = await t.app.inject({ method: 'GET', url: '/api/users', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers })).statusCode).toBe(200);

    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { currentPassword: oneTimePassword, newPassword: 'a much better password' } });
    expect(changed.statusCode).toBe(200);
    // The same session goes on, now without the restriction.
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200);
  });

  it('changing one’s own password keeps this session and ends the others', async () => {
    const { orgId, userIds, emails } = t.otherOrg;
    await updateUserRow(t.database.db, orgId, userIds.marketing_user, { passwordHash: await hashPassword(TEST_PASSWORD) });
    const first = await logInFrom(freshAddress(), emails.marketing_user, TEST_PASSWORD);
    const second = await logInFrom(freshAddress(), emails.marketing_user, TEST_PASSWORD);
    const headersOf = (response: typeof first) => ({ cookie: `openabm_session=${response.cookies.find((c) => c.name === 'openabm_session')?.value}`, 'x-csrf-token': response.json().csrfToken as string });
    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: headersOf(first), payload: { currentPassword: TEST_PASSWORD, newPassword: 'another long password' } });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: headersOf(first) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: headersOf(second) })).statusCode).toBe(401);
  });

  it('an admin resets a user’s password: a new one-time password shown once, sessions ended, the old password refused', async () => {
    const admin = await t.headersOf(t.org, 'primary_admin');
    const user = await t.logIn(t.org, 'abm_admin');
    const reset = await t.app.inject({ method: 'POST', url: `/api/users/${t.org.userIds.abm_admin}/password-reset`, headers: admin });
    expect(reset.statusCode).toBe(200);
    const { oneTimePassword } = reset.json();
    expect(oneTimePassword).toMatch(/^\S{12,}$/);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: user.headers })).statusCode).toBe(401);
    expect((await logInFrom(freshAddress(), t.org.emails.abm_admin, TEST_PASSWORD)).statusCode).toBe(401);
    const login = await logInFrom(freshAddress(), t.org.emails.abm_admin, oneTimePassword);
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it('refuses a password reset to a marketing user and for a user of another organisation', async () => {
    const marketing = await t.headersOf(t.org, 'marketing_user');
    expect((await t.app.inject({ method: 'POST', url: `/api/users/${t.org.userIds.view_only}/password-reset`, headers: marketing })).statusCode).toBe(403);
    const admin = await t.headersOf(t.org, 'primary_admin');
    expect((await t.app.inject({ method: 'POST', url: `/api/users/${t.otherOrg.userIds.view_only}/password-reset`, headers: admin })).statusCode).toBe(404);
  });

  it('log-out is a write like any other: without the CSRF header it is refused and the session lives on', async () => {
    const session = await t.logIn(t.org, 'view_only');
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('csrf_failed');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers })).statusCode).toBe(401);
  });
});
