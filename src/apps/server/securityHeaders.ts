import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response, UI and API alike (@fastify/helmet). The built UI loads only its own files:
 * no inline script anywhere (web/index.html has one external module script). Mantine writes its CSS variables into
 * <style> elements and sets style attributes at run time, so styles alone allow 'unsafe-inline'. The favicon and
 * Swagger UI's icons are data: URIs. HSTS only when the public URL is https (over plain http it would be ignored at
 * best and lock a misconfigured host out at worst).
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  const isHttps = options.publicUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The OAuth consent pages of the CRMs open openabm's callback in the same window; no popup relationship needed.
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });
}
