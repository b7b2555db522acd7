import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, todayUtc } from '../lib/dates.ts';
import { extendLicense } from '../modules/licenses/licenses.service.ts';
import {
  answerSandboxPayPal,
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  openAccount,
  quoteFor,
  quoteInput,
  type TestPartner,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { TestSession } from '../test/session.ts';

let t: TestApp;
let partner: TestPartner;
let sales: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { discountPercent: 10 });
  sales = await partner.loginAs('sales');
});
afterAll(() => t.close());

const charges = (id: string) => t.sandbox.store.chargesOf(id);
const startPayPal = (who: TestSession, quoteNumber: string, key: string = crypto.randomUUID()) =>
  who.post('/api/orders/paypal', { quoteNumber }, { 'idempotency-key': key });
const placeWithPayPal = (who: TestSession, quoteNumber: string, orderId: string) =>
  who.post(
    '/api/orders',
    { quoteNumber, payment: { method: 'paypal', orderId } },
    { 'idempotency-key': crypto.randomUUID() },
  );

/** A quote, PayPal's order for it, and the buyer's approval: what Place order then captures. */
async function approvedPayPalOrder(email?: string) {
  const customer = await createTestCustomer(t.db);
  const quote = await quoteFor(sales, customer);
  const started = await startPayPal(sales, quote.quoteNumber);
  expect(started.statusCode).toBe(201);
  const back = await answerSandboxPayPal(t.app, started.json().approveUrl, email ? { email } : {});
  return { quote, orderId: started.json().id as string, back };
}

describe('Paying a quote with PayPal', () => {
  it('sends the buyer to approve, brings them back to the checkout, and captures on Place order', async () => {
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(sales, customer);
    const started = await startPayPal(sales, quote.quoteNumber, 'paypal-attempt-1');
    expect(started.statusCode).toBe(201);
    const { approveUrl, id } = started.json();
    expect(approveUrl).toBe(`http://portal.test/sandbox-pay/paypal/${id}`);
    // The same attempt again is the same PayPal order.
    expect((await startPayPal(sales, quote.quoteNumber, 'paypal-attempt-1')).json().id).toBe(id);

    const page = await t.app.inject({ method: 'GET', url: new URL(approveUrl).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`for quote ${quote.quoteNumber}`);
    expect(page.body).toContain('PayPal account email');

    const back = await answerSandboxPayPal(t.app, approveUrl);
    expect(back.toString()).toBe(
      `http://portal.test/quotes/${quote.quoteNumber}/checkout?paypal=approved&token=${id}&PayerID=SBXPAYER`,
    );
    expect(await charges(id)).toEqual([]);

    const placed = await placeWithPayPal(sales, quote.quoteNumber, id);
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({
      quoteNumber: quote.quoteNumber,
      payment: { provider: 'sandbox', brand: 'paypal', last4: null },
      invoice: { paymentType: 'online', status: 'paid', amountDueMinor: 0 },
      totalMinor: quote.totals.totalMinor,
    });
    expect(await charges(id)).toMatchObject([{ status: 'captured', amountMinor: quote.totals.totalMinor }]);
  });

  it('refuses an order the buyer has not approved, or cancelled, and keeps the quote open', async () => {
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(sales, customer);
    const started = (await startPayPal(sales, quote.quoteNumber)).json();
    const early = await placeWithPayPal(sales, quote.quoteNumber, started.id);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({
      code: 'payment.paypal_declined',
      field: 'payment',
      params: { reason: 'paypal_order_created' },
    });

    const back = await answerSandboxPayPal(t.app, started.approveUrl, { decision: 'cancel' });
    expect(back.toString()).toBe(
      `http://portal.test/quotes/${quote.quoteNumber}/checkout?paypal=cancelled&token=${started.id}`,
    );
    const cancelled = await placeWithPayPal(sales, quote.quoteNumber, started.id);
    expect(cancelled.json()).toMatchObject({ code: 'payment.paypal_declined' });
    expect(await charges(started.id)).toEqual([]);
    expect((await sales.get(`/api/quotes/${quote.quoteNumber}`)).json().status).toBe('open');
  });

  it('refuses an approved order brought back for another quote', async () => {
    const { orderId } = await approvedPayPalOrder();
    const other = await quoteFor(sales, await createTestCustomer(t.db));
    const res = await placeWithPayPal(sales, other.quoteNumber, orderId);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ params: { reason: 'paypal_order_mismatch' } });
    expect(await charges(orderId)).toEqual([]);
    expect((await sales.get(`/api/quotes/${other.quoteNumber}`)).json().status).toBe('open');
  });

  it('captures an approved order once, however many Place order requests race', async () => {
    const { quote, orderId } = await approvedPayPalOrder();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => placeWithPayPal(sales, quote.quoteNumber, orderId)),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    // The others find the quote ordered or being ordered, or PayPal's order captured already.
    for (const a of answers.filter((x) => x.statusCode !== 201))
      expect(['quote.not_orderable', 'quote.ordering', 'payment.paypal_declined']).toContain(a.json().code);
    expect(await charges(orderId)).toMatchObject([{ status: 'captured' }]);
  });

  it('refunds the PayPal capture when a step after it fails', async () => {
    const customer = await createTestCustomer(t.db);
    const today = todayUtc(t.clock.now);
    const seats = await createTestLicenses(t.db, customer, {
      productCode: 'WS',
      seats: 1,
      periodStart: addYears(addDays(today, 30), -1),
      periodEnd: addDays(today, 30),
    });
    const licenseId = seats.licenses[0]?.licenseId ?? '';
    await openAccount(sales, customer);
    await sales.post(`/api/customers/${customer.customerId}/cart/renewals`, {
      kind: 'renewal',
      licenseIds: [licenseId],
      termYears: 1,
    });
    const quote = (
      await sales.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() })
    ).json();
    const started = (await startPayPal(sales, quote.quoteNumber)).json();
    await answerSandboxPayPal(t.app, started.approveUrl);
    await t.db.transaction((tx) =>
      extendLicense(tx, {
        licenseId,
        productCode: 'WS',
        periodStart: addDays(today, 30),
        periodEnd: addDays(today, 395),
      }),
    );
    const res = await placeWithPayPal(sales, quote.quoteNumber, started.id);
    expect(res.json()).toMatchObject({ code: 'licenses.already_renewed' });
    expect(await charges(started.id)).toMatchObject([{ status: 'refunded' }]);
  });

  it('cannot start for a quote that cannot be ordered, nor for another partner’s', async () => {
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(sales, customer);
    await sales.post(`/api/quotes/${quote.quoteNumber}/cancel`);
    const cancelled = await startPayPal(sales, quote.quoteNumber);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json()).toMatchObject({ code: 'quote.not_orderable', params: { status: 'cancelled' } });
    const other = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    const foreign = await startPayPal(other, (await quoteFor(sales, customer)).quoteNumber);
    expect(foreign.statusCode).toBe(404);
  });

  it('shows the approval page only for a PayPal approval that exists, and asks again for a bad email', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/sandbox-pay/paypal/SBXONOSUCHORDER00' })).statusCode,
    ).toBe(404);
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(sales, customer);
    const started = (await startPayPal(sales, quote.quoteNumber)).json();
    const bad = await t.app.inject({
      method: 'POST',
      url: new URL(started.approveUrl).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'decision=approve&email=not-an-email',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter the email of a PayPal account.');
  });
});

describe('A stored PayPal account', () => {
  it('is stored after the buyer approves it, once, and pays later orders without the buyer', async () => {
    const admin = await partner.loginAs('admin');
    const started = await admin.post('/api/payment-methods/paypal', undefined, {
      'idempotency-key': 'vault-1',
    });
    expect(started.statusCode).toBe(201);
    const back = await answerSandboxPayPal(t.app, started.json().approveUrl, { email: 'ap@reseller.test' });
    expect(back.toString()).toBe(
      `http://portal.test/payment-methods?paypal=approved&approval_token_id=${started.json().id}`,
    );
    const approvalId = back.searchParams.get('approval_token_id');
    const stored = await admin.post('/api/payment-methods/paypal/complete', { approvalId });
    expect(stored.statusCode).toBe(201);
    const items = stored.json().items;
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'paypal',
        brand: 'paypal',
        email: 'ap@reseller.test',
        last4: null,
        expMonth: null,
        isDefault: true,
      }),
    ]);
    // Completing the same approval again (a reload of the return page) stores nothing new.
    const again = await admin.post('/api/payment-methods/paypal/complete', { approvalId });
    expect(again.json().items).toHaveLength(1);

    const quote = await quoteFor(sales, await createTestCustomer(t.db));
    const paid = await sales.post(
      '/api/orders',
      { quoteNumber: quote.quoteNumber, payment: { method: 'stored', paymentMethodId: items[0].id } },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(paid.statusCode).toBe(201);
    expect(paid.json().payment).toEqual({ provider: 'sandbox', brand: 'paypal', last4: null });
  });

  it('is completed only by the partner user who started it: another partner or user gets an unknown approval', async () => {
    const admin = await partner.loginAs('admin');
    const started = (
      await admin.post('/api/payment-methods/paypal', undefined, { 'idempotency-key': 'same-key' })
    ).json();
    const back = await answerSandboxPayPal(t.app, started.approveUrl, { email: 'victim@reseller.test' });
    const approvalId = back.searchParams.get('approval_token_id');
    const outsider = await createTestPartner(t.db, t.app);
    const outsiderAdmin = await outsider.loginAs('admin');
    const colleague = await partner.loginAs('billing');
    for (const thief of [outsiderAdmin, colleague]) {
      const stolen = await thief.post('/api/payment-methods/paypal/complete', { approvalId });
      expect(stolen.statusCode).toBe(404);
      expect(stolen.json()).toMatchObject({
        code: 'payment_method.paypal_setup_not_found',
        field: 'approvalId',
      });
    }
    expect((await outsiderAdmin.get('/api/payment-methods')).json().items).toEqual([]);
    // The same Idempotency-Key of another partner starts a setup of its own, not this one.
    const theirs = (
      await outsiderAdmin.post('/api/payment-methods/paypal', undefined, { 'idempotency-key': 'same-key' })
    ).json();
    expect(theirs.id).not.toBe(started.id);
    const before = (await admin.get('/api/payment-methods')).json().items.length;
    const mine = await admin.post('/api/payment-methods/paypal/complete', { approvalId });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().items).toHaveLength(before + 1);
  });

  it('is refused when the buyer did not approve it, and a refused account declines the order', async () => {
    const other = await createTestPartner(t.db, t.app);
    const admin = await other.loginAs('admin');
    const started = (await admin.post('/api/payment-methods/paypal')).json();
    const early = await admin.post('/api/payment-methods/paypal/complete', { approvalId: started.id });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'payment_method.paypal_not_approved', field: 'approvalId' });

    await answerSandboxPayPal(t.app, started.approveUrl, { email: 'decline@reseller.test' });
    const items = (
      await admin.post('/api/payment-methods/paypal/complete', { approvalId: started.id })
    ).json().items;
    const otherSales = await other.loginAs('sales');
    const quote = await quoteFor(otherSales, await createTestCustomer(t.db));
    const res = await otherSales.post('/api/orders', {
      quoteNumber: quote.quoteNumber,
      payment: { method: 'stored', paymentMethodId: items[0].id },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'payment.paypal_declined',
      params: { reason: 'paypal_declined' },
    });
    expect((await otherSales.get(`/api/quotes/${quote.quoteNumber}`)).json().status).toBe('open');
  });
});

describe('Without PayPal', () => {
  it('says PayPal is not offered, and the session tells the browser', async () => {
    const bare = await startTestApp({ paypal: null });
    try {
      const someone = await (await createTestPartner(bare.db, bare.app)).loginAs('admin');
      expect((await someone.get('/api/auth/me')).json().features.paypal).toBe(false);
      const res = await someone.post('/api/payment-methods/paypal');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'payment.paypal_not_offered' });
    } finally {
      await bare.close();
    }
  });
});
