import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATEMENT_TIMEOUT_MS } from './db/client.ts';
import { auditLog } from './db/schema/index.ts';
import { createTestPartner } from './test/factories.ts';
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
});
