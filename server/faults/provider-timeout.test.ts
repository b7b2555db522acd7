import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adyenProvider } from '../modules/payments/adyen/adyen-provider.ts';
import { createTestCustomer, createTestPartner, quoteFor } from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { TestSession } from '../test/session.ts';
import { settleStaleOrderAttempts } from '../use-cases/settle-order-attempts.ts';

/**
 * Issue 19, faults: the payment provider charges and then does not answer in time, or answers 500.
 * The portal talks to a real HTTP server through its Adyen adapter: a loopback stand-in for
 * Adyen's Checkout API that keeps Adyen's idempotency (the same Idempotency-Key answers the first
 * payment, never a second one) and counts the charges it made. Shown: no second charge on a retry,
 * the recovery job settles the attempt, and the partner reads a clear state through the API.
 */
type Fault = 'none' | 'charge_then_hang' | 'charge_then_500' | 'fail_500';
let fault: Fault = 'none';
let server: Server;
let origin = '';
/** Payments the stub made, by Idempotency-Key: what the card holder's statement would show. */
const charges = new Map<string, { pspReference: string; amount: unknown }>();
const requestsByKey = new Map<string, number>();
const hanging: ServerResponse[] = [];

const read = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    request.on('data', (chunk) => {
      data += chunk;
    });
    request.on('end', () => resolve(data));
  });

function adyenStub(): Server {
  return createServer(async (request, response) => {
    const body = JSON.parse((await read(request)) || '{}') as { amount?: unknown };
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    if (request.method !== 'POST' || !request.url?.endsWith('/payments')) return send(404, { status: 404 });
    const key = String(request.headers['idempotency-key'] ?? '');
    if (!key) return send(422, { status: 422, errorCode: '000', message: 'Idempotency-Key expected' });
    requestsByKey.set(key, (requestsByKey.get(key) ?? 0) + 1);
    if (fault === 'fail_500') return send(500, { status: 500, message: 'internal error' });
    let payment = charges.get(key);
    if (!payment) {
      payment = { pspReference: `PSP${String(charges.size + 1).padStart(13, '0')}`, amount: body.amount };
      charges.set(key, payment);
    }
    if (fault === 'charge_then_hang') {
      hanging.push(response);
      return;
    }
    if (fault === 'charge_then_500') return send(500, { status: 500, message: 'internal error' });
    send(200, {
      resultCode: 'Authorised',
      pspReference: payment.pspReference,
      paymentMethod: { brand: 'visa', type: 'scheme' },
      additionalData: { cardSummary: '1111' },
    });
  });
}

let t: TestApp;
let session: TestSession;

beforeAll(async () => {
  server = adyenStub();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await startTestApp({
    payments: adyenProvider({
      apiKey: 'test-api-key',
      merchantAccount: 'PortalTest',
      environment: 'TEST',
      returnUrl: 'http://portal.test/orders',
      endpointOverride: origin,
      // Past this, no answer is an outage (30 s in production; short so the test does not wait).
      timeoutMs: 400,
    }),
    paypal: null,
  });
  const partner = await createTestPartner(t.db, t.app);
  session = await partner.loginAs('sales');
});
afterAll(async () => {
  await t?.close();
  for (const response of hanging) response.destroy();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const deps = () => ({
  payments: t.app.portal.payments,
  paypal: t.app.portal.paypal,
  jobs: t.jobs,
  mail: t.app.portal.mail,
});
const place = (quoteNumber: string, key: string) =>
  session.post(
    '/api/orders',
    { quoteNumber, payment: { method: 'card', token: 'M5N7TQ4TG5PFWR50' } },
    { 'idempotency-key': key },
  );
const quoteOf = async (quoteNumber: string) => (await session.get(`/api/quotes/${quoteNumber}`)).json();
const chargesOf = (quoteNumber: string) => [...charges.keys()].filter((key) => key.includes(quoteNumber));

describe('the payment provider charges, then fails to answer', () => {
  it('times out after charging: 503, the quote reads ordering, the recovery job records the one charge', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    fault = 'charge_then_hang';
    const started = Date.now();
    const first = await place(quote.quoteNumber, 'hang-1');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(first.statusCode).toBe(503);
    expect(first.json()).toMatchObject({ code: 'payment.unavailable' });
    expect(chargesOf(quote.quoteNumber)).toHaveLength(1);
    // The partner sees the quote being ordered (no Place order button), no order yet.
    expect(await quoteOf(quote.quoteNumber)).toMatchObject({ status: 'ordering' });

    // The recovery job while the provider still does not answer: it waits, changes nothing.
    t.clock.advanceMinutes(3);
    const waiting = await settleStaleOrderAttempts(t.db, deps(), t.clock.now);
    expect(waiting.map((s) => s.settlement)).toEqual(['waiting']);
    expect(await quoteOf(quote.quoteNumber)).toMatchObject({ status: 'ordering' });

    // The provider is back: the job asks with the same key, Adyen answers the first payment.
    fault = 'none';
    t.clock.advanceMinutes(3);
    const settled = await settleStaleOrderAttempts(t.db, deps(), t.clock.now);
    expect(settled.map((s) => s.settlement)).toEqual(['completed']);
    const [key] = chargesOf(quote.quoteNumber);
    expect(chargesOf(quote.quoteNumber)).toHaveLength(1);
    expect(requestsByKey.get(key ?? '')).toBe(3);
    expect(await quoteOf(quote.quoteNumber)).toMatchObject({ status: 'ordered' });

    // The user's retry with the same key answers that order, asking the provider nothing.
    const retry = await place(quote.quoteNumber, 'hang-1');
    expect(retry.statusCode).toBeLessThan(300);
    const order = retry.json();
    // Paid once: its invoice is paid, nothing due.
    expect(order.invoice).toMatchObject({ amountDueMinor: 0, amountMinor: quote.totals.totalMinor });
    expect(requestsByKey.get(key ?? '')).toBe(3);
    const page = await session.get(`/api/orders/${order.orderNumber}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ orderNumber: order.orderNumber, invoice: { amountDueMinor: 0 } });
  });

  it('answers 500 after charging: the retry with the same key gets the order, charged once', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    fault = 'charge_then_500';
    const first = await place(quote.quoteNumber, 'err-1');
    expect(first.statusCode).toBe(503);
    expect(first.json()).toMatchObject({ code: 'payment.unavailable' });
    expect(await quoteOf(quote.quoteNumber)).toMatchObject({ status: 'ordering' });
    fault = 'none';
    const retry = await place(quote.quoteNumber, 'err-1');
    expect(retry.statusCode, retry.body).toBe(201);
    expect(chargesOf(quote.quoteNumber)).toHaveLength(1);
    expect(await quoteOf(quote.quoteNumber)).toMatchObject({ status: 'ordered' });
    // Nothing is left for the recovery job.
    t.clock.advanceMinutes(3);
    expect(await settleStaleOrderAttempts(t.db, deps(), t.clock.now)).toEqual([]);
  });

  it('answers 500 without charging: 503, then one charge when the user retries', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    fault = 'fail_500';
    const first = await place(quote.quoteNumber, 'down-1');
    expect(first.statusCode).toBe(503);
    expect(chargesOf(quote.quoteNumber)).toHaveLength(0);
    fault = 'none';
    const retry = await place(quote.quoteNumber, 'down-1');
    expect(retry.statusCode, retry.body).toBe(201);
    expect(chargesOf(quote.quoteNumber)).toHaveLength(1);
  });
});
