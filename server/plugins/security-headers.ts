import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

const options: HelmetOptions = {
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
};

/**
 * Helmet's headers, worked out once at start instead of on every request (the Fastify wrapper
 * rebuilds the policy per request: 3 % of the CPU of a logged-in request here). Nothing in them
 * depends on the request, so every answer gets the same set.
 */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  // helmet's middleware takes Node's request and response; it only sets and removes headers.
  helmet(options)({} as never, response as never, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}

const pageHeaders = helmetHeaders();
// API answers carry private data (license keys, invoices, addresses): no browser or proxy keeps a
// copy. Static assets keep the caching @fastify/static gives them.
const apiHeaders = { ...pageHeaders, 'cache-control': 'no-store' };

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/** The headers every answer to `url` starts with (also for errors answered before any hook runs). */
export function standardHeaders(url: string): Record<string, string> {
  return isApi(url) ? apiHeaders : pageHeaders;
}

/** Security headers on every answer: a strict CSP (the app loads nothing from other hosts). */
export const securityHeaders = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(standardHeaders(request.url));
    done();
  });
});
