import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport, startMailDelivery } from '../modules/mail/delivery.ts';
import { queueEmail } from '../modules/mail/outbox.ts';
import {
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  quoteFor,
  type TestPartner,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { loginRequest } from '../test/session.ts';

const token = `metrics-${randomUUID()}`;
let t: TestApp;
let partner: TestPartner;

beforeAll(async () => {
  t = await startTestApp({ metricsToken: token });
  partner = await createTestPartner(t.db, t.app);
});
afterAll(() => t.close());

const scrape = async () => {
  const res = await t.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/plain');
  return res.body;
};

/** One sample's value in the text format (0 when the series does not exist yet). */
const sample = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe('GET /metrics', () => {
  it('answers operators with the bearer token only', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-123456' }, { authorization: token }]) {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain('portal_');
    }
    // A partner admin's session is no way in.
    const admin = await partner.loginAs('admin');
    expect((await admin.get('/metrics')).statusCode).toBe(401);
  });

  it('is not there at all without a token configured', async () => {
    const other = await startTestApp();
    try {
      const res = await other.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer x' },
      });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('portal_');
    } finally {
      await other.close();
    }
  });

  it('counts failed logins, rate-limit refusals and payment outcomes where they happen', async () => {
    const before = await scrape();
    const wrong = partner.emails.sales;
    // The per-email-and-address limit refuses after its budget of failed attempts.
    let refused = 0;
    for (let i = 0; i < 12 && refused === 0; i++) {
      const res = await loginRequest(t.app, wrong, 'not the password');
      if (res.statusCode === 429) refused++;
    }
    expect(refused).toBe(1);

    const admin = await partner.loginAs('admin');
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(admin, customer);
    const declinedCard = await createTestCardToken(t.app, { number: '4000000000000002' });
    const declined = await admin.post(
      '/api/orders',
      { quoteNumber: quote.quoteNumber, payment: { method: 'card', token: declinedCard } },
      { 'idempotency-key': randomUUID() },
    );
    expect(declined.statusCode, declined.body).toBeGreaterThanOrEqual(400);
    expect(declined.statusCode).toBeLessThan(500);
    const placed = await admin.post(
      '/api/orders',
      {
        quoteNumber: quote.quoteNumber,
        payment: { method: 'card', token: await createTestCardToken(t.app) },
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(placed.statusCode, placed.body).toBe(201);

    const after = await scrape();
    const grew = (series: string) => sample(after, series) - sample(before, series);
    expect(grew('portal_failed_logins_total{kind="partner_user"}')).toBeGreaterThanOrEqual(5);
    expect(after).toMatch(/portal_rate_limit_refusals_total\{limit="login:[^"]+"\} [1-9]/);
    expect(grew('portal_payments_total{channel="card",provider="sandbox",outcome="captured"}')).toBe(1);
    expect(grew('portal_payments_total{channel="card",provider="sandbox",outcome="declined"}')).toBe(1);
  });

  it('times requests by route pattern, not by URL', async () => {
    const admin = await partner.loginAs('admin');
    await admin.get('/api/quotes/Q-2026-999999');
    const text = await scrape();
    expect(text).toContain('route="/api/quotes/:quoteNumber"');
    expect(text).not.toContain('Q-2026-999999');
    expect(text).toMatch(
      /portal_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/quotes\/:quoteNumber",status_code="404"\}/,
    );
  });

  it('reads the outbox backlog and its oldest age from the database at scrape time', async () => {
    expect(sample(await scrape(), 'portal_database_up')).toBe(1);
    await t.db.transaction((tx) =>
      queueEmail(tx, t.jobs, {
        partnerId: partner.id,
        to: 'ops@customer.test',
        subject: 'Waiting',
        text: 'No worker takes it in this test.',
        html: '<p>No worker takes it in this test.</p>',
        about: { kind: 'quote', ref: 'Q-2026-000001' },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const text = await scrape();
    expect(sample(text, 'portal_outbox_pending')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'portal_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(1);
  });

  it('counts the jobs that fail, by queue', async () => {
    const before = sample(await scrape(), 'portal_job_failures_total{queue="mail-delivery"}');
    // Nothing listens on port 1: every delivery of the waiting emails fails and is retried.
    await startMailDelivery(t.jobs, t.db, smtpTransport('smtp://127.0.0.1:1'), {
      from: 'Portal <p@portal.test>',
    });
    let after = before;
    for (let waited = 0; after === before && waited < 10_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = sample(await scrape(), 'portal_job_failures_total{queue="mail-delivery"}');
    }
    expect(after).toBeGreaterThan(before);
  });
});
