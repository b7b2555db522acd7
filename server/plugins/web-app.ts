import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiError } from '../../contract/errors.ts';
import { routeModules } from '../../web/src/routeModules.ts';
import {
  type Manifest,
  preloadsFor,
  type RoutePreload,
  routePreloads,
  withPreloads,
} from './route-preloads.ts';

/** The routes' preloads from the build's manifest; none when the build has no manifest. */
function readPreloads(webRoot: string): RoutePreload[] {
  const path = `${webRoot}/.vite/manifest.json`;
  if (!existsSync(path)) return [];
  return routePreloads(JSON.parse(readFileSync(path, 'utf8')) as Manifest, routeModules);
}

/**
 * The built single-page app (web/dist) with an index.html fallback for its client routes, and the
 * JSON 404 of unknown API routes. The index.html of an address names the chunks of its page
 * (route-preloads.ts), so the browser loads them with the first screen.
 */
export const webApp = fp(async (app: FastifyInstance, options: { webRoot: string }) => {
  const hasWeb = existsSync(`${options.webRoot}/index.html`);
  // Read once, like the files @fastify/static lists at start: a new build needs a restart anyway.
  const indexHtml = hasWeb ? readFileSync(`${options.webRoot}/index.html`, 'utf8') : '';
  const preloads = hasWeb ? readPreloads(options.webRoot) : [];
  // index: false: `/` is a client route too, answered below with its page's preloads. The build's
  // manifest (.vite/) is for the server only.
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      wildcard: false,
      index: false,
      dotfiles: 'ignore',
    });
  }

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
    const pathname = request.url.split('?')[0] ?? '/';
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(withPreloads(indexHtml, preloadsFor(preloads, pathname)));
  });
});
