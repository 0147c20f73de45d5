import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../domain/permissions/policy';
import { routes } from './index';

describe('route catalogue', () => {
  it('every route declares a known permission or public', () => {
    const missing = routes.filter((route) => !(route.permission === 'public' || (ACTIONS as readonly string[]).includes(route.permission)));
    expect(missing.map((route) => `${route.contract.method} ${route.contract.path}`)).toEqual([]);
  });

  it('public routes are only the ones that must be reachable logged out', () => {
    const publicRoutes = routes.filter((route) => route.permission === 'public').map((route) => `${route.contract.method} ${route.contract.path}`);
    // Adding a public route is a security decision: extend this list on purpose.
    const allowed = ['GET /healthz', 'POST /api/auth/login', 'GET /api/integrations/crm/oauth/callback', 'GET /api/integrations/map/oauth/callback', 'POST /api/notifications/recipients/confirm', 'POST /api/ce/inbound/:token'];
    expect(publicRoutes.filter((route) => !allowed.includes(route))).toEqual([]);
  });

  it('no two routes share a method and path', () => {
    const keys = routes.map((route) => `${route.contract.method} ${route.contract.path}`);
    expect(keys.length).toBe(new Set(keys).size);
  });
});
