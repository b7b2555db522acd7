import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalarReference from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Database } from './db/client.ts';
import { registerErrorHandling } from './http/errors.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import { registerCartRoutes } from './modules/cart/cart.routes.ts';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes.ts';
import { registerCustomerRoutes } from './modules/customers/customers.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerQuoteRoutes } from './modules/quotes/quotes.routes.ts';

export interface AppOptions {
  database: Database;
  logLevel?: string;
  cookieSecure?: boolean;
  /** Folder of the built web app; served with an index.html fallback when present. */
  webRoot?: string;
  /** Honour X-Forwarded-For from the load balancer in front. */
  trustProxy?: boolean;
}

const defaultWebRoot = fileURLToPath(new URL('../web/dist', import.meta.url));

/** Builds the whole HTTP application; `main.ts` listens, tests call `inject` or listen on port 0. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 256 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Partner Portal API',
        version: '0.1.0',
        description:
          'Log in with POST /api/auth/login; the session cookie `pp_session` then authenticates. Every POST, PATCH, PUT and DELETE also needs the header `x-csrf-token` with the `csrfToken` from the login or /api/auth/me answer (also in the `pp_csrf` cookie). Errors are `{ code, message, field? }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pp_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The reference page runs an inline start-up script, so it gets its own CSP scope.
  await app.register(async (docs) => {
    docs.addHook('onSend', async (_request, reply) => {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
      );
    });
    await docs.register(scalarReference, {
      routePrefix: '/api/docs',
      // A reference page for our API only: no vendor toolbar, AI agent, telemetry or outside fonts.
      configuration: {
        url: '/api/openapi.json',
        withDefaultFonts: false,
        hideClientButton: true,
        showDeveloperTools: 'never',
        telemetry: false,
        mcp: { disabled: true },
        agent: { disabled: true },
      },
    });
  });

  const deps = { db: options.database.db, cookieSecure: options.cookieSecure ?? false };
  registerHealthRoutes(app, { database: options.database });
  registerAuthRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerCartRoutes(app, deps);
  registerQuoteRoutes(app, deps);

  const webRoot = options.webRoot ?? defaultWebRoot;
  const hasWeb = existsSync(`${webRoot}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply
        .code(404)
        .send({ code: 'route.not_found', message: `No route ${request.method} ${request.url}.` });
    }
    if (!hasWeb) {
      return reply
        .code(404)
        .type('text/plain')
        .send('The web app is not built: run `npm run build`, or `npm run dev` for development.');
    }
    // Client-side routes (/quotes/Q-2026-000001 …) all load the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
