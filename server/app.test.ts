import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../contract/errors.ts';
import { buildApp } from './app.ts';
import { STATEMENT_TIMEOUT_MS } from './db/client.ts';
import { auditLog } from './db/schema/index.ts';
import { createTestCustomer, createTestPartner, placeTestOrder } from './test/factories.ts';
import { startTestApp, type TestApp } from './test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the API surface', () => {
  it('answers /api/health with a database round trip', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('publishes an OpenAPI document generated from the shared Zod contract', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.0.3');
    for (const path of [
      '/api/auth/login',
      '/api/customers/open',
      '/api/customers/{customerId}/cart/lines',
      '/api/quotes',
      '/api/quotes/{quoteNumber}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.securitySchemes.csrf).toMatchObject({ in: 'header', name: 'x-csrf-token' });
    expect(doc.paths['/api/quotes'].post.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/CreateQuoteRequestInput',
    );
    expect(Object.keys(doc.components.schemas.CreateQuoteRequestInput.properties)).toEqual([
      'customerId',
      'billingAddress',
      'endUser',
      'poNumber',
      'sendCopyTo',
      'sendCopyAs',
    ]);
  });

  it('serves a readable reference page at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('/api/openapi.json');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route.not_found' });
  });

  it('bounds every statement with a timeout, so no query holds a connection for ever', async () => {
    const result = (await t.db.execute(sql`show statement_timeout`)) as unknown as {
      rows: { statement_timeout: string }[];
    };
    expect(result.rows[0]?.statement_timeout).toBe(`${STATEMENT_TIMEOUT_MS / 1000}s`);
  });

  it('takes the client address from as many proxies as it is told to trust, and no more', async () => {
    const behind = await startTestApp({ trustProxy: 1 });
    try {
      const partner = await createTestPartner(behind.db, behind.app);
      const forwarded = (forwardedFor: string) =>
        behind.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': forwardedFor },
          payload: { email: partner.emails.sales, password: 'wrong' },
        });
      // The balancer appends the address it saw; whatever the client wrote before it is ignored.
      await forwarded('6.6.6.6, 203.0.113.9');
      const rows = await behind.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
      expect(rows.map((r) => r.ip)).toEqual(['203.0.113.9']);
    } finally {
      await behind.close();
    }
    // Without TRUST_PROXY the header is not believed at all.
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': '6.6.6.6' },
      payload: { email: 'nobody@partner.test', password: 'wrong' },
    });
    const direct = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(direct.map((r) => r.ip)).toEqual(['127.0.0.1']);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it("answers requests Fastify itself cannot read in the API's error format, with a 4xx", async () => {
    const session = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    const json = { 'content-type': 'application/json' };
    const cases = [
      { status: 400, code: 'request.bad_url', res: await session.get('/api/quotes/%E0%A4%A') },
      {
        status: 400,
        code: 'request.bad_url',
        res: await t.app.inject({ method: 'GET', url: '/api/orders/R-2026-%ZZ' }),
      },
      {
        status: 414,
        code: 'request.url_too_long',
        res: await session.get(`/api/quotes/Q-2026-${'1'.repeat(200)}`),
      },
      {
        status: 400,
        code: 'request.invalid_json',
        res: await session.request('POST', '/api/customers/find-by-email', '{"email":', json),
      },
      {
        status: 400,
        code: 'request.empty_body',
        res: await session.request('POST', '/api/customers/find-by-email', '', json),
      },
      {
        status: 415,
        code: 'request.unsupported_media_type',
        res: await session.request('POST', '/api/customers/find-by-email', 'email=a@b.test', {
          'content-type': 'text/plain',
        }),
      },
      {
        status: 415,
        code: 'request.unsupported_media_type',
        res: await session.request('POST', '/api/customers/find-by-email', 'email=a@b.test', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
      },
      {
        status: 413,
        code: 'request.body_too_large',
        res: await session.request(
          'POST',
          '/api/customers/find-by-email',
          JSON.stringify({ email: 'x'.repeat(300_000) }),
          json,
        ),
      },
    ];
    for (const { status, code, res } of cases) {
      expect(res.statusCode, code).toBe(status);
      expect(ApiError.strict().parse(res.json()), code).toMatchObject({ code, message: expect.any(String) });
      expect(res.headers['cache-control'], code).toBe('no-store');
      expect(res.headers['x-content-type-options'], code).toBe('nosniff');
    }
  });

  it('tells browsers and proxies to keep no copy of any API answer; static files keep their caching', async () => {
    const partner = await createTestPartner(t.db, t.app, { creditTerms: true });
    const sales = await partner.loginAs('sales');
    const order = await placeTestOrder(sales, await createTestCustomer(t.db));
    // The order page carries the license keys.
    const page = await sales.get(`/api/orders/${order.orderNumber}`);
    expect(page.json().licenses[0].key).toEqual(expect.any(String));
    for (const res of [
      page,
      await sales.get('/api/auth/me'),
      await sales.get('/api/orders/R-2026-999999'),
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({ method: 'GET', url: '/api/nothing-here' }),
    ]) {
      expect(res.headers['cache-control'], res.body.slice(0, 80)).toBe('no-store');
    }

    const webRoot = await mkdtemp(join(tmpdir(), 'pp-web-'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Portal</title>');
    await writeFile(join(webRoot, 'app.js'), 'console.log(1)');
    const withWeb = await buildApp({
      database: t.database,
      logLevel: 'silent',
      webRoot,
      clock: t.clock.read,
      jobs: t.jobs,
      payments: t.sandbox,
    });
    try {
      const asset = await withWeb.inject({ method: 'GET', url: '/app.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=0');
      const clientRoute = await withWeb.inject({ method: 'GET', url: '/orders/R-2026-000001' });
      expect(clientRoute.headers['content-type']).toContain('text/html');
      expect(clientRoute.headers['cache-control']).not.toContain('no-store');
    } finally {
      await withWeb.close();
      await rm(webRoot, { recursive: true });
    }
  });
});
