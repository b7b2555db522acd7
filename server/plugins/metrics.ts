import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Gauge, Registry } from 'prom-client';
import { pingDatabase } from '../db/client.ts';
import { httpRequestDuration, processMetrics } from '../lib/metrics.ts';
import { outboxBacklog } from '../modules/mail/outbox.ts';

export const METRICS_PATH = '/metrics';

/** Compared as digests, so neither the length nor the first wrong byte shows in the timing. */
const digest = (text: string) => createHash('sha256').update(text).digest();

function bearerMatches(request: FastifyRequest, expected: Buffer): boolean {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? /^Bearer (\S+)$/i.exec(header)?.[1] : undefined;
  return token !== undefined && timingSafeEqual(digest(token), expected);
}

/**
 * The database's figures, the same for every instance: read when Prometheus scrapes, so a query
 * runs once per scrape and per instance, not per request.
 */
function databaseGauges(app: FastifyInstance) {
  const registry = new Registry();
  const databaseUp = new Gauge({
    name: 'portal_database_up',
    help: '1 when this instance reached its database at the last scrape, else 0',
    registers: [registry],
  });
  const pending = new Gauge({
    name: 'portal_outbox_pending',
    help: 'Emails waiting in the outbox (all instances)',
    registers: [registry],
  });
  const oldest = new Gauge({
    name: 'portal_outbox_oldest_pending_age_seconds',
    help: 'How long the oldest waiting email has waited, 0 when none waits',
    registers: [registry],
  });
  const failed = new Gauge({
    name: 'portal_outbox_failed',
    help: 'Emails the outbox gave up on after every retry',
    registers: [registry],
  });
  const refresh = async () => {
    try {
      await pingDatabase(app.portal.db);
      const backlog = await outboxBacklog(app.portal.db);
      databaseUp.set(1);
      pending.set(backlog.pending);
      oldest.set(backlog.oldestPendingSeconds);
      failed.set(backlog.failed);
    } catch (error) {
      // The scrape still answers (with the process's figures): a database outage is what it shows.
      app.log.warn({ err: error }, 'metrics: the database did not answer');
      // The outbox gauges keep their last figures: portal_database_up says they are stale.
      databaseUp.set(0);
    }
  };
  return { registry, refresh };
}

/**
 * GET /metrics in Prometheus's text format, for operators only: the bearer token of METRICS_TOKEN.
 * Without a token configured the route answers 404, as if it did not exist. Also times every
 * request by its route pattern (`/api/quotes/:quoteNumber`, never the URL: one series per route).
 */
export const metrics = fp(async (app: FastifyInstance, options: { token: string | undefined }) => {
  const notFound = (reply: FastifyReply) =>
    reply.code(404).send({ code: 'route.not_found', message: 'No such route.' });
  if (!options.token) {
    app.get(METRICS_PATH, { schema: { hide: true } }, async (_request, reply) => notFound(reply));
    return;
  }
  const expected = digest(options.token);
  const gauges = databaseGauges(app);
  const registry = Registry.merge([processMetrics, gauges.registry]);

  app.addHook('onResponse', async (request, reply) => {
    httpRequestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request, expected)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ code: 'auth.required', message: 'The metrics token is missing or wrong.' });
    }
    await gauges.refresh();
    return reply.type(registry.contentType).send(await registry.metrics());
  });
});
