import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The counters of this process, for Prometheus (GET /metrics, server/plugins/metrics.ts). They
 * count what happened in this process since it started: Prometheus scrapes every instance and
 * adds them up (`sum(rate(...))`), so nothing needs sharing between processes. Figures that are
 * the same for every instance (the outbox) are read from the database at scrape time instead.
 *
 * Labels take a small, fixed set of values (a route pattern, a queue, an outcome), never an id or
 * an address: every distinct value is a time series kept forever.
 */
export const processMetrics = new Registry();

collectDefaultMetrics({ register: processMetrics, prefix: 'portal_' });

export const httpRequestDuration = new Histogram({
  name: 'portal_http_request_duration_seconds',
  help: 'Time from request to answer, by route pattern (not URL), method and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processMetrics],
});

export const jobFailures = new Counter({
  name: 'portal_job_failures_total',
  help: 'Background jobs that threw (each is retried by its queue until its retry limit)',
  labelNames: ['queue'] as const,
  registers: [processMetrics],
});

export const failedLogins = new Counter({
  name: 'portal_failed_logins_total',
  help: 'Logins refused for a wrong email or password, by kind of account',
  labelNames: ['kind'] as const,
  registers: [processMetrics],
});

export const rateLimitRefusals = new Counter({
  name: 'portal_rate_limit_refusals_total',
  help: 'Attempts refused by a rate limit, by the limit that refused them',
  labelNames: ['limit'] as const,
  registers: [processMetrics],
});

export const paymentOutcomes = new Counter({
  name: 'portal_payments_total',
  help: 'Charges asked of a payment provider, by channel, provider and outcome (captured, declined, unavailable, error)',
  labelNames: ['channel', 'provider', 'outcome'] as const,
  registers: [processMetrics],
});
