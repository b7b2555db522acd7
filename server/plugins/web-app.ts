import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiError } from '../../contract/errors.ts';

/**
 * The built single-page app (web/dist) with an index.html fallback for its client routes, and the
 * JSON 404 of unknown API routes.
 */
export const webApp = fp(async (app: FastifyInstance, options: { webRoot: string }) => {
  const hasWeb = existsSync(`${options.webRoot}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: options.webRoot, wildcard: false });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send({
        code: 'route.not_found',
        message: `No route ${request.method} ${request.url}.`,
      } satisfies ApiError);
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
});
