import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps';
import { registerErrorHandlers } from './errors';
import { registerRoute } from './registerRoute';
import { registerOperatorRoute } from './operator/registerOperatorRoute';
import { operatorRoutes } from './operator/routes';
import { registerSecurityHeaders } from './securityHeaders';
import { routes as defaultRoutes } from './routes/index';
import { buildWebTagApp, forwardToWebTag, webTagServerFactory } from './webTag/registerWebTag';
import type { RouteDefinition } from './defineRoute';

const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface BuildAppOptions {
  /** Routes to register; tests may pass extra ones. Defaults to routes/index.ts. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  routes?: ReadonlyArray<RouteDefinition<any>>;
  /** Serve the built web UI from web/dist (default: when it exists). */
  isServingWeb?: boolean;
}

/** The HTTP app, built without listening (tests use app.inject()). */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  let requestCounter = 0;
  // The web tag's beacons skip this app's hooks: the HTTP server hands /t/ requests to the web tag app directly.
  const webTag = await buildWebTagApp(deps);
  const app = Fastify({
    serverFactory: webTagServerFactory(webTag, deps.config.isWebTagFastPath),
    loggerInstance: deps.logger as FastifyBaseLogger,
    genReqId: () => `req-${Date.now().toString(36)}-${(++requestCounter).toString(36)}`,
    bodyLimit: 30 * 1024 * 1024,
    // Log-in throttling counts failures per client address: behind a proxy that address is in X-Forwarded-For.
    trustProxy: deps.config.isBehindProxy,
    // One line per response (below) instead of Fastify's two; request ids are on every line.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook('onResponse', async (request, reply) => {
    const line = { reqId: request.id, method: request.method, url: request.url.split('?')[0], statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (reply.statusCode >= 500) request.log.error(line, 'request failed');
    else if (request.method !== 'GET' || reply.statusCode >= 400) request.log.info(line, 'request');
    else request.log.debug(line, 'request');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await registerSecurityHeaders(app, { publicUrl: deps.config.publicUrl });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'openabm API', version: '0.1.0', description: 'Account-based marketing: segments, activations, integrations.' },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An organisation API key (oabm_…), created in Settings.' },
          session: { type: 'apiKey', in: 'cookie', name: 'openabm_session' },
          operator: { type: 'http', scheme: 'bearer', description: 'The instance operator token (OPENABM_OPERATOR_TOKEN); belongs to no organisation.' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  const isServingWeb = options.isServingWeb ?? existsSync(path.join(webDistDir, 'index.html'));
  registerErrorHandlers(app, { isSpaFallback: isServingWeb });
  for (const route of options.routes ?? defaultRoutes) registerRoute(app, route, deps);
  for (const route of operatorRoutes) registerOperatorRoute(app, route, deps);
  forwardToWebTag(app, webTag.app);
  if (isServingWeb) await app.register(fastifyStatic, { root: webDistDir, wildcard: true });
  return app;
}
