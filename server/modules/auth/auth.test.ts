import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { auditLog } from '../../db/schema/index.ts';
import { createTestPartner, createTestStaff, TEST_PASSWORD, type TestPartner } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { login, loginRequest, sessionFrom } from '../../test/session.ts';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from '../sessions/sessions.ts';
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
    const res = await loginRequest(t.app, partner.emails.sales.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pp_session');
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: SESSION_IDLE_SECONDS,
    });
    expect(res.cookies.find((c) => c.name === 'pp_device')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    const body = res.json();
    expect(body.user).toMatchObject({ email: partner.emails.sales, role: 'sales' });
    expect(body.partner).toMatchObject({ name: 'Auth Test Reseller', currency: 'USD', discountPercent: 15 });
    expect(body.permissions).toContain('quotes.create');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'));
    expect(audit.some((row) => row.partnerId === partner.id)).toBe(true);
  });

  it('gives the same 401 for a wrong password and an unknown email, and audits both', async () => {
    const wrongPassword = await loginRequest(t.app, partner.emails.admin, 'nope');
    const unknownEmail = await loginRequest(t.app, 'nobody@partner.test', 'nope');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.json()).toMatchObject({ code: 'auth.invalid_credentials', field: 'password' });
    const failed = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
    expect(failed.map((r) => r.subjectId)).toEqual(
      expect.arrayContaining([partner.emails.admin, 'nobody@partner.test']),
    );
  });

  it('explains a malformed request with a code and the field', async () => {
    const res = await loginRequest(t.app, 'not-an-email', 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.email', field: 'email' });
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: partner.emails.admin, password: 'x', remember: true },
    });
    expect(extra.json()).toMatchObject({ code: 'validation.unknown_field', field: 'remember' });
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

  it('rate-limits failed logins per email and address with a clear 429', async () => {
    const victim = await createTestPartner(t.db, t.app);
    const attempt = () => loginRequest(t.app, victim.emails.billing, 'guess');
    for (let i = 0; i < loginLimits.perEmailAndIp.limit; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // From an unknown browser, even the right password waits until the window passes.
    expect((await loginRequest(t.app, victim.emails.billing, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('lets 200 parallel guesses through no further than the limit', async () => {
    const victim = await createTestPartner(t.db, t.app);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => loginRequest(t.app, victim.emails.sales, `guess-${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(loginLimits.perEmailAndIp.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - loginLimits.perEmailAndIp.limit);
  });

  it('does not let someone who only knows the email lock its owner out of their browser', async () => {
    const victim = await createTestPartner(t.db, t.app);
    const email = victim.emails.admin;
    const usual = await login(t.app, email, TEST_PASSWORD);
    expect(usual.deviceToken).toBeTruthy();
    for (let i = 0; i < loginLimits.perEmail.limit + 5; i++) await loginRequest(t.app, email, `guess-${i}`);
    expect((await loginRequest(t.app, email, TEST_PASSWORD)).statusCode).toBe(429);
    // The browser the owner logged in from before has its own budget.
    const again = await loginRequest(t.app, email, TEST_PASSWORD, { deviceToken: usual.deviceToken });
    expect(again.statusCode).toBe(200);
    // Another user's device cookie proves nothing for this email.
    const other = await partner.loginAs('billing');
    expect(
      (await loginRequest(t.app, email, TEST_PASSWORD, { deviceToken: other.deviceToken })).statusCode,
    ).toBe(429);
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

  it('ends after two idle hours, and sends the cookie again when use slides the expiry', async () => {
    const session = await partner.loginAs('sales');
    t.clock.advanceMinutes(10);
    const slid = await session.get('/api/auth/me');
    expect(slid.statusCode).toBe(200);
    expect(slid.cookies.find((c) => c.name === 'pp_session')).toMatchObject({ maxAge: SESSION_IDLE_SECONDS });
    // Within five minutes of the last slide, no write and no new cookie.
    expect((await session.get('/api/auth/me')).cookies).toHaveLength(0);
    t.clock.advanceMinutes(SESSION_IDLE_SECONDS / 60 + 1);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends after twelve hours however active, the cookie never outliving it', async () => {
    const session = await partner.loginAs('sales');
    let lastMaxAge = SESSION_IDLE_SECONDS;
    for (let minutes = 0; minutes < SESSION_ABSOLUTE_SECONDS / 60 - 60; minutes += 60) {
      t.clock.advanceMinutes(60);
      const res = await session.get('/api/auth/me');
      expect(res.statusCode).toBe(200);
      lastMaxAge = res.cookies.find((c) => c.name === 'pp_session')?.maxAge ?? lastMaxAge;
    }
    // One hour before the absolute end, the cookie lasts that hour only.
    expect(lastMaxAge).toBe(60 * 60);
    t.clock.advanceMinutes(61);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('works across two app processes sharing the database', async () => {
    const other = await buildApp({
      database: t.database,
      logLevel: 'silent',
      webRoot: '/nonexistent',
      clock: t.clock.read,
      jobs: t.jobs,
      payments: t.sandbox,
    });
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

describe('vendor staff', () => {
  it('log in at the back office, with a session of their own kind', async () => {
    const staff = await createTestStaff(t.db, t.app);
    const session = await staff.login();
    const me = await session.get('/api/admin/auth/me');
    expect(me.statusCode).toBe(200);
    // Emails really leave here: the back office shows no development mailbox.
    expect(me.json()).toMatchObject({ staff: { email: staff.email }, features: { devMailbox: false } });
    const partners = await session.get('/api/admin/partners');
    expect(partners.statusCode).toBe(200);
    expect(partners.json().items.map((p: { name: string }) => p.name)).toContain('Auth Test Reseller');
    // A staff session is not a partner session, and a partner login does not accept staff.
    expect((await session.get('/api/auth/me')).json()).toMatchObject({ code: 'auth.wrong_actor' });
    expect((await loginRequest(t.app, staff.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await session.post('/api/auth/logout')).statusCode).toBe(204);
  });

  it('is the only kind that reaches /api/admin', async () => {
    const sales = await partner.loginAs('admin');
    const res = await sales.get('/api/admin/partners');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.wrong_actor' });
  });
});

describe('the interface language', () => {
  it("starts in the partner's country's language and follows the user's choice to every login", async () => {
    const brazilian = await createTestPartner(t.db, t.app, { country: 'BR', currency: 'BRL' });
    const session = await brazilian.loginAs('sales');
    expect((await session.get('/api/auth/me')).json().user.locale).toBe('pt-BR');
    expect((await (await partner.loginAs('sales')).get('/api/auth/me')).json().user.locale).toBe('en');

    expect((await session.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(204);
    const elsewhere = await loginRequest(t.app, brazilian.emails.sales, TEST_PASSWORD);
    expect(elsewhere.json().user.locale).toBe('en');
    // A colleague keeps the partner's default.
    expect((await loginRequest(t.app, brazilian.emails.admin, TEST_PASSWORD)).json().user.locale).toBe(
      'pt-BR',
    );
    expect((await session.put('/api/auth/me/locale', { locale: 'fr' })).statusCode).toBe(400);
  });
});
