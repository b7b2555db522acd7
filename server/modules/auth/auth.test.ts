import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditLog } from '../../db/schema/index.ts';
import { createTestPartner, TEST_PASSWORD, type TestPartner } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { login, sessionFrom } from '../../test/session.ts';
import { loginLimits } from './auth.service.ts';

let t: TestApp;
let partner: TestPartner;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { name: 'Auth Test Reseller' });
});
afterAll(() => t.close());

describe('login', () => {
  it('logs in with email and password and sets an HttpOnly SameSite session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: partner.emails.sales.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pp_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = res.json();
    expect(body.user).toMatchObject({ email: partner.emails.sales, role: 'sales' });
    expect(body.partner).toMatchObject({ name: 'Auth Test Reseller', currency: 'USD', discountPercent: 15 });
    expect(body.permissions).toContain('quotes.create');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'));
    expect(audit.some((row) => row.partnerId === partner.id)).toBe(true);
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: partner.emails.admin, password: 'nope' },
    });
    const unknownEmail = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@partner.test', password: 'nope' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.json()).toMatchObject({ code: 'auth.invalid_credentials', field: 'password' });
  });

  it('explains a malformed request with a code and the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.format', field: 'email' });
  });

  it('refuses form posts (only JSON), so another site cannot post a login form', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(partner.emails.admin)}&password=x`,
    });
    expect(res.statusCode).toBe(415);
  });

  it('rate-limits failed logins per email with a clear 429', async () => {
    const victim = await createTestPartner(t.db, t.app);
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: victim.emails.billing, password: 'guess' },
      });
    for (let i = 0; i < loginLimits.perEmail.limit; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits until the window passes.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: victim.emails.billing, password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });
});

describe('sessions', () => {
  it('answers /api/auth/me for a session and 401 without one', async () => {
    const session = await partner.loginAs('admin');
    const me = await session.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { role: 'admin' }, openAccount: null });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.required' });
  });

  it('rotates the session id at login: the previous session stops working', async () => {
    const first = await partner.loginAs('sales');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      cookies: { pp_session: first.cookie },
      payload: { email: partner.emails.sales, password: TEST_PASSWORD },
    });
    const second = sessionFrom(t.app, res);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('needs the CSRF token on state-changing requests', async () => {
    const session = await partner.loginAs('sales');
    const missing = await session.request('POST', '/api/customers/close', undefined, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'auth.csrf' });
    const wrong = await session.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'forged' });
    expect(wrong.statusCode).toBe(403);
    expect((await session.post('/api/customers/close')).statusCode).toBe(204);
  });

  it('logs out: the session is deleted and the cookie cleared', async () => {
    const session = await partner.loginAs('admin');
    const res = await session.post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'pp_session')?.value).toBe('');
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('works across two app processes sharing the database', async () => {
    const other = await buildApp({ database: t.database, logLevel: 'silent', webRoot: '/nonexistent' });
    try {
      const session = await login(t.app, partner.emails.sales, TEST_PASSWORD);
      const res = await other.inject({
        method: 'GET',
        url: '/api/auth/me',
        cookies: { pp_session: session.cookie },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.email).toBe(partner.emails.sales);
    } finally {
      await other.close();
    }
  });
});
