import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  quoteFor,
  TEST_PASSWORD,
  type TestPartner,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { loginRequest, sessionFrom } from '../test/session.ts';

/** Every line the app logs, as written. */
const lines: string[] = [];

let t: TestApp;
let partner: TestPartner;

beforeAll(async () => {
  t = await startTestApp({
    logLevel: 'trace',
    logStream: { write: (line: string) => void lines.push(line) },
    // A balancer at 127.0.0.1 (where `inject` comes from) may name the request.
    trustProxy: ['127.0.0.1'],
  });
  partner = await createTestPartner(t.db, t.app, { name: 'Request Id Reseller' });
});
afterAll(() => t.close());

describe('the request log of a whole flow', () => {
  it('has the request id on every line, echoed in X-Request-Id, and no secret or card data', async () => {
    const from = lines.length;
    const ids = new Set<string>();
    const seen = <R extends { headers: Record<string, unknown> }>(res: R) => {
      const id = res.headers['x-request-id'];
      expect(typeof id).toBe('string');
      ids.add(id as string);
      return res;
    };

    const loggedIn = seen(await loginRequest(t.app, partner.emails.admin, TEST_PASSWORD));
    expect(loggedIn.statusCode).toBe(200);
    const billing = sessionFrom(t.app, loggedIn);
    const customer = await createTestCustomer(t.db);
    // Open the account, add to cart, Get Quote (the factory goes through the API).
    const quote = await quoteFor(billing, customer);
    const card = { number: '4111111111111111', cvc: '7391' };
    const tokenised = seen(
      await t.app.inject({
        method: 'POST',
        url: '/sandbox-pay/tokens',
        payload: { number: card.number, expMonth: '12', expYear: '2035', cvc: card.cvc },
      }),
    );
    expect(tokenised.statusCode, tokenised.body).toBe(201);
    const cardToken: string = tokenised.json().token;
    const placed = seen(
      await billing.post(
        '/api/orders',
        { quoteNumber: quote.quoteNumber, payment: { method: 'card', token: cardToken } },
        { 'idempotency-key': randomUUID() },
      ),
    );
    expect(placed.statusCode, placed.body).toBe(201);
    const stored = await createTestCardToken(t.app, { number: '5555555555554444' });
    const added = seen(
      await billing.post('/api/payment-methods', { token: stored }, { 'idempotency-key': randomUUID() }),
    );
    expect(added.statusCode, added.body).toBe(201);
    const out = seen(await billing.post('/api/auth/logout'));
    expect(out.statusCode).toBeLessThan(300);

    const flow = lines.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(flow.length).toBeGreaterThan(10);
    // Every line the flow wrote belongs to a request and names it.
    expect(flow.filter((entry) => typeof entry.reqId !== 'string')).toEqual([]);
    for (const id of ids) expect(flow.some((entry) => entry.reqId === id)).toBe(true);

    const log = lines.slice(from).join('');
    const secrets: Record<string, string> = {
      password: TEST_PASSWORD,
      'session cookie': billing.cookie,
      'CSRF token': billing.csrfToken,
      'device token': billing.deviceToken ?? 'no device token',
      'card number': card.number,
      'last card number': '5555555555554444',
      'card token': cardToken,
      'stored card token': stored,
    };
    const leaked = Object.entries(secrets).filter(([, value]) => log.includes(value));
    expect(leaked).toEqual([]);
    // Bodies are never logged: no CVC field, whatever its value.
    expect(log.toLowerCase()).not.toContain('cvc');
    expect(log).toContain('"url":"/api/orders"');
  });

  it('takes a well-formed id from a trusted balancer and refuses a malformed one', async () => {
    const given = 'lb-3f2a9c1e-0001';
    const taken = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': given },
    });
    expect(taken.headers['x-request-id']).toBe(given);
    expect(lines.some((line) => line.includes(`"reqId":"${given}"`))).toBe(true);

    const forged = 'evil"\\n{"level":60}';
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': forged },
    });
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names its id on an error answer too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/quotes/Q-1999-000001' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('a request id from an untrusted peer', () => {
  it('is replaced by a new one', async () => {
    const other = await startTestApp();
    try {
      const res = await other.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-request-id': 'client-chosen-id-1234' },
      });
      expect(res.headers['x-request-id']).not.toBe('client-chosen-id-1234');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await other.close();
    }
  });
});
