import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases';
import { useRouteFixture } from '../../test/routeFixture';
import { createTestDeps } from '../../test/testApp';
import { buildApp } from './buildApp';

/** Security headers on UI and API responses, and CRM URLs outside sandbox mode (issue: safe defaults). */
describe.each(testDatabaseKinds())('safe defaults on %s', (kind) => {
  const t = useRouteFixture(kind, {
    deps: (database) => createTestDeps(database, { config: { isSandbox: false, publicUrl: 'https://abm.example.com' } }),
  });

  function expectSecurityHeaders(headers: Record<string, unknown>): void {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  }

  it('sends the security headers on API answers, errors, the UI and the API docs', async () => {
    const headers = await t.headersOf(t.org, 'view_only');
    expectSecurityHeaders((await t.app.inject({ method: 'GET', url: '/api/users', headers })).headers);
    expectSecurityHeaders((await t.app.inject({ method: 'GET', url: '/api/users' })).headers);
    expectSecurityHeaders((await t.app.inject({ method: 'GET', url: '/healthz' })).headers);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-initializer.js');
    expectSecurityHeaders(docs.headers);
    // The UI: index.html (from web/dist when built) or the 404 that stands in for it.
    const ui = await buildApp(t.deps, { isServingWeb: true });
    try {
      expectSecurityHeaders((await ui.inject({ method: 'GET', url: '/segments' })).headers);
    } finally {
      await ui.close();
    }
  });

  it('sends no HSTS when the public URL is plain http', async () => {
    const plain = await buildApp(createTestDeps(t.database, { config: { publicUrl: 'http://127.0.0.1:3000' } }), { isServingWeb: false });
    try {
      const response = await plain.inject({ method: 'GET', url: '/healthz' });
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await plain.close();
    }
  });

  it.each([
    ['http://acme.my.salesforce.com', 'The login URL must start with https://.'],
    ['https://169.254.169.254/latest', 'The login URL must be on a Salesforce domain (salesforce.com or force.com); 169.254.169.254 is not. An operator can allow more hosts with OPENABM_CRM_ALLOWED_HOSTS.'],
  ])('outside sandbox mode refuses the CRM login URL %s', async (loginUrl, message) => {
    const headers = await t.headersOf(t.org, 'primary_admin');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/integrations/crm/salesforce/connect',
      headers,
      payload: { environment: 'custom', loginUrl, clientId: 'id', clientSecret: 'secret' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', message });
  });

  it('outside sandbox mode accepts a My Domain login URL on salesforce.com', async () => {
    const headers = await t.headersOf(t.org, 'primary_admin');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/integrations/crm/salesforce/connect',
      headers,
      payload: { environment: 'custom', loginUrl: 'https://acme.my.salesforce.com', clientId: 'id', clientSecret: 'secret' },
    });
    expect(response.statusCode).toBe(200);
    expect(new URL(response.json().authorizationUrl).origin).toBe('https://acme.my.salesforce.com');
  });
});
