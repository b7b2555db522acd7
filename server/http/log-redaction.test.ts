import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenses, partnerUsers } from '../db/schema/index.ts';
import { smtpTransport, startMailDelivery } from '../modules/mail/delivery.ts';
import {
  answerSandboxPayPal,
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  quoteFor,
  TEST_PASSWORD,
  type TestPartner,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { login, loginRequest, sessionFrom, type TestSession } from '../test/session.ts';
import { SmtpSink } from '../test/smtp-sink.ts';
import { loggerOptions, redactUrl } from './log-redaction.ts';

/** Every line the app logs, as written. */
const lines: string[] = [];
/** Every secret the flow below sees: none may reach the log. */
const secrets = new Map<string, string>();
const keep = (what: string, value: string | null | undefined) => {
  if (!value) throw new Error(`the flow saw no ${what}`);
  secrets.set(`${what} ${secrets.size}`, value);
  return value;
};
const keepSession = (what: string, session: TestSession) => {
  keep(`${what} session cookie`, session.cookie);
  keep(`${what} CSRF token`, session.csrfToken);
  if (session.deviceToken) keep(`${what} device token`, session.deviceToken);
  return session;
};

let t: TestApp;
let smtp: SmtpSink;
let partner: TestPartner;

/**
 * Test-only: a write the database refuses with personal data, a password hash and a sealed
 * license key among its bind values (a copy of a row that exists), logged as a 500 would be.
 */
function failingWrites(app: FastifyInstance) {
  app.post('/test/copy-row', async (request) => {
    const { table, key } = request.body as { table: 'licenses' | 'partner_users'; key: string };
    const { db } = app.portal;
    try {
      if (table === 'licenses') {
        const [row] = await db.select().from(licenses).where(eq(licenses.licenseId, key));
        if (row) await db.insert(licenses).values(row);
      } else {
        const [row] = await db.select().from(partnerUsers).where(eq(partnerUsers.email, key));
        if (row) await db.insert(partnerUsers).values({ ...row, id: randomUUID() });
      }
    } catch (error) {
      // pino's other way in: an error logged on its own lends the line its message.
      request.log.warn(error);
      throw error;
    }
    throw new Error('the copy was not refused');
  });
}

beforeAll(async () => {
  t = await startTestApp({
    logLevel: 'trace',
    logStream: { write: (line: string) => void lines.push(line) },
    beforeReady: failingWrites,
  });
  smtp = new SmtpSink();
  await smtp.start();
  await startMailDelivery(t.jobs, t.db, smtpTransport(smtp.url), { from: 'Portal <no-reply@portal.test>' });
  partner = await createTestPartner(t.db, t.app, { name: 'Logged Reseller' });
  keep('password', TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const mailTo = async (address: string, before: number) => {
  const mails = (await smtp.waitFor(before + 1)).slice(before);
  const mail = mails.find((m) => m.to && 'text' in m.to && m.to.text === address);
  if (!mail) throw new Error(`no email to ${address}`);
  return mail.text ?? '';
};

const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}) });

describe('the request log', () => {
  it('keeps no token, password, license key, sealed key or bind value of a whole flow', async () => {
    // Log in with a password.
    const admin = keepSession('admin', await partner.loginAs('admin'));
    const sales = keepSession('sales', await partner.loginAs('sales'));
    const wrong = keep('wrong password', 'not the password at all');
    expect((await loginRequest(t.app, partner.emails.sales, wrong)).statusCode).toBe(401);

    // An invitation made and accepted: its token in the path, twice.
    let before = smtp.messages.length;
    const invited = await admin.post('/api/partner/users', {
      email: 'logged.hire@users.test',
      name: 'Logged Hire',
      role: 'sales',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitation = keep(
      'invitation token',
      /\/invitations\/([A-Za-z0-9_-]+)/.exec(await mailTo('logged.hire@users.test', before))?.[1],
    );
    expect((await inject('GET', `/invitations/${invitation}`)).statusCode).toBe(404); // no web build here
    expect((await inject('GET', `/api/invitations/${invitation}`)).statusCode).toBe(200);
    const chosen = keep('chosen password', 'the hire chose this one');
    const accepted = await inject('POST', `/api/invitations/${invitation}`, { password: chosen });
    expect(accepted.statusCode, accepted.body).toBe(200);
    keepSession('hire', await login(t.app, 'logged.hire@users.test', chosen));
    // The same path encoded differently reaches the same route.
    await inject('GET', `/api/%69nvitations/${invitation}`);

    // An account admin's sign-in link asked for and used.
    const customer = await createTestCustomer(t.db);
    before = smtp.messages.length;
    const asked = await inject('POST', '/api/account-admin/links', {
      customerId: customer.customerId,
      email: customer.email,
    });
    expect(asked.statusCode).toBe(202);
    const signIn = keep(
      'account admin token',
      /\/account-admin\/sign-in\/([A-Za-z0-9_-]+)/.exec(await mailTo(customer.email, before))?.[1],
    );
    await inject('GET', `/account-admin/sign-in/${signIn}`);
    const signedIn = await inject('POST', '/api/account-admin/sessions', { token: signIn });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    keepSession('account admin', sessionFrom(t.app, signedIn));

    // A quote paid with PayPal: the approval page, the way back with `?token=`, Place order.
    const quote = await quoteFor(sales, customer);
    const started = await sales.post(
      '/api/orders/paypal',
      { quoteNumber: quote.quoteNumber },
      { 'idempotency-key': randomUUID() },
    );
    expect(started.statusCode, started.body).toBe(201);
    const paypalOrder = keep('PayPal order id', started.json().id);
    expect((await inject('GET', new URL(started.json().approveUrl).pathname)).statusCode).toBe(200);
    const back = await answerSandboxPayPal(t.app, started.json().approveUrl);
    await inject('GET', `${back.pathname}${back.search}`);
    const placed = await sales.post(
      '/api/orders',
      { quoteNumber: quote.quoteNumber, payment: { method: 'paypal', orderId: paypalOrder } },
      { 'idempotency-key': randomUUID() },
    );
    expect(placed.statusCode, placed.body).toBe(201);
    // Keys are never in an answer kept for retries: the order page shows them.
    const order = await sales.get(`/api/orders/${placed.json().orderNumber}`);
    const issued = order.json().licenses as { licenseId: string; key: string | null }[];
    expect(issued.length).toBeGreaterThan(0);
    for (const license of issued) keep('license key', license.key);
    const [sealed] = await t.db
      .select({ sealed: licenses.licenseKeySealed })
      .from(licenses)
      .where(eq(licenses.licenseId, issued[0]?.licenseId ?? ''));
    keep('sealed license key', sealed?.sealed);

    // A PayPal account stored: the vault setup's id comes back as `approval_token_id`.
    const vault = await admin.post('/api/payment-methods/paypal', undefined, {
      'idempotency-key': randomUUID(),
    });
    expect(vault.statusCode, vault.body).toBe(201);
    const setup = keep('PayPal setup id', vault.json().id);
    const stored = await answerSandboxPayPal(t.app, vault.json().approveUrl);
    await inject('GET', `${stored.pathname}${stored.search}`);
    expect((await admin.post('/api/payment-methods/paypal/complete', { approvalId: setup })).statusCode).toBe(
      201,
    );

    // The sandbox's hosted card form: its card token in a path.
    const card = keep('card token', await createTestCardToken(t.app));
    await inject('POST', `/sandbox-pay/tokens/${card}/challenge`, { approve: true });

    // Writes the database refuses, their bind values carrying the secrets above.
    const [user] = await t.db
      .select({ hash: partnerUsers.passwordHash })
      .from(partnerUsers)
      .where(eq(partnerUsers.email, partner.emails.sales));
    keep('password hash', user?.hash);
    keep('email', partner.emails.sales);
    const copyUser = await inject('POST', '/test/copy-row', {
      table: 'partner_users',
      key: partner.emails.sales,
    });
    expect(copyUser.statusCode).toBe(500);
    const copyLicense = await inject('POST', '/test/copy-row', {
      table: 'licenses',
      key: issued[0]?.licenseId ?? '',
    });
    expect(copyLicense.statusCode).toBe(500);

    // Headers logged by hand.
    t.app.log.info(
      { headers: { cookie: `pp_session=${admin.cookie}`, authorization: `Bearer ${card}` } },
      'by hand',
    );

    const log = lines.join('');
    const leaked = [...secrets].filter(([, value]) => log.includes(value)).map(([what]) => what);
    expect(leaked).toEqual([]);
    // The flow was logged, with its secrets cut out.
    expect(log).toContain('"url":"/api/invitations/[redacted]"');
    expect(log).toContain('"url":"/invitations/[redacted]"');
    expect(log).toContain('"url":"/account-admin/sign-in/[redacted]"');
    expect(log).toContain('"url":"/sandbox-pay/paypal/[redacted]"');
    expect(log).toContain('paypal=approved&token=[redacted]&PayerID=[redacted]');
    expect(log).toContain('paypal=approved&approval_token_id=[redacted]');
    expect(log).toContain('"url":"/sandbox-pay/tokens/[redacted]/challenge"');
    expect(log).toContain('"url":"/api/auth/login"');
    const errors = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'unhandled error');
    expect(errors).toHaveLength(2);
    expect(errors[0].err).toMatchObject({
      database: { code: '23505', constraint: 'partner_users_email_unique' },
    });
    expect(log).toContain('Key (email)=([redacted]) already exists.');
    expect(log).toContain('params: [redacted]');
    expect(log).toContain('"cookie":"[redacted]"');
  });
});

describe('a logged database error', () => {
  it("keeps the values out of PostgreSQL's own texts", async () => {
    const error = await t.db.execute(sql`select ${'secret-not-a-uuid'}::uuid`).then(
      () => null,
      (failed: unknown) => failed,
    );
    expect(error).not.toBeNull();
    const written: string[] = [];
    const logger = pino(loggerOptions('info'), { write: (line: string) => void written.push(line) });
    logger.error({ err: error }, 'bad data');
    const [entry] = written.map((line) => JSON.parse(line));
    expect(JSON.stringify(entry)).not.toContain('secret-not-a-uuid');
    expect(entry.err.message).toContain('invalid input syntax for type uuid: "[redacted]"');
    expect(entry.err.database).toMatchObject({ code: '22P02' });
  });
});

describe('a logged URL', () => {
  it('keeps its path and harmless parameters, without secret segments or values', () => {
    expect(redactUrl('/api/quotes?status=open&page=2')).toBe('/api/quotes?status=open&page=2');
    expect(redactUrl('/api/invitations/abc_DEF-123')).toBe('/api/invitations/[redacted]');
    expect(redactUrl('/account-admin/sign-in/abc?x=1')).toBe('/account-admin/sign-in/[redacted]?x=1');
    expect(redactUrl('/quotes/Q-2026-000001/checkout?paypal=approved&token=5O1&PayerID=X')).toBe(
      '/quotes/Q-2026-000001/checkout?paypal=approved&token=[redacted]&PayerID=[redacted]',
    );
    expect(redactUrl('/orders?redirectResult=abc&sessionId=s1&%74oken=t')).toBe(
      '/orders?redirectResult=[redacted]&sessionId=[redacted]&%74oken=[redacted]',
    );
    expect(redactUrl('/api/audit?q=someone%40example.test')).toBe('/api/audit?q=[redacted]');
    expect(redactUrl('/api/%69nvitations/secret')).toBe('/api/invitations/[redacted]');
  });
});
