import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, orders } from '../db/schema/index.ts';
import { addDays, addYears, todayUtc } from '../lib/dates.ts';
import { extendLicense } from '../modules/licenses/licenses.service.ts';
import { setPartnerCreditTerms } from '../modules/partners/partners.service.ts';
import { type PaymentProvider, PaymentUnavailableError } from '../modules/payments/provider.ts';
import { startRefunds } from '../modules/payments/refunds.ts';
import { sandboxTestCards } from '../modules/payments/sandbox/sandbox-cards.ts';
import { sandboxProvider } from '../modules/payments/sandbox/sandbox-provider.ts';
import { type SandboxStore, sandboxStoreFor } from '../modules/payments/sandbox/sandbox-store.ts';
import { openLicenseKey } from '../shared/license-key-vault.ts';
import {
  createTestCardToken,
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

/** The sandbox, and once (when asked) a timeout just after it charged: the answer lost on the way back. */
let loseNextAnswer = false;
/** The provider away when the refund is first asked for. */
let refundFailsOnce = false;
const stores: SandboxStore[] = [];
let t: TestApp;
let partner: TestPartner;
let session: TestSession;

beforeAll(async () => {
  let sandbox: ReturnType<typeof sandboxProvider> | null = null;
  const lossy: PaymentProvider & { readonly store: SandboxStore | undefined } = {
    name: 'sandbox',
    // The sandbox's own routes (the hosted form's tokens) use its store.
    get store() {
      return sandbox?.store;
    },
    charge: async (input) => {
      const outcome = await (sandbox as PaymentProvider).charge(input);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new PaymentUnavailableError('timed out after 30 s');
      }
      return outcome;
    },
    findCharge: (input) => (sandbox as PaymentProvider).findCharge(input),
    refund: async (input) => {
      if (refundFailsOnce) {
        refundFailsOnce = false;
        throw new PaymentUnavailableError('connection reset');
      }
      await (sandbox as PaymentProvider).refund(input);
    },
    describe: (token, shopper) => (sandbox as PaymentProvider).describe(token, shopper),
  };
  t = await startTestApp({ payments: lossy });
  sandbox = sandboxProvider(sandboxStoreFor(t.database.url));
  stores.push(sandbox.store);
  partner = await createTestPartner(t.db, t.app, { discountPercent: 15 });
  session = await partner.loginAs('sales');
});
afterAll(async () => {
  for (const store of stores) await store.close();
  await t.close();
});

const cardToken = (number?: string) => createTestCardToken(t.app, number ? { number } : {});

const chargesOf = (token: string) => (stores[0] as SandboxStore).chargesOf(token);
const place = (who: TestSession, body: object, key?: string) =>
  who.post('/api/orders', body, key ? { 'idempotency-key': key } : undefined);

describe('Place order with a card', () => {
  it('takes the payment, records the order, issues the licenses, makes the invoice and tells the partner', async () => {
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(session, customer);
    const token = await cardToken();
    const res = await place(
      session,
      { quoteNumber: quote.quoteNumber, payment: { method: 'card', token } },
      'order-1',
    );
    expect(res.statusCode).toBe(201);
    const order = res.json();
    const today = todayUtc(t.clock.now);
    expect(order).toMatchObject({
      orderNumber: expect.stringMatching(/^R-\d{4}-\d{6}$/),
      quoteNumber: quote.quoteNumber,
      currency: 'USD',
      totalMinor: quote.totals.totalMinor,
      poNumber: 'PO-7781',
      payment: { provider: 'sandbox', brand: 'visa', last4: '4242' },
      invoice: {
        invoiceNumber: expect.stringMatching(/^INV-\d{4}-\d{6}$/),
        paymentType: 'online',
        status: 'paid',
        issuedOn: today,
        paidOn: today,
        dueOn: null,
        amountMinor: quote.totals.totalMinor,
        amountDueMinor: 0,
      },
    });
    expect(order.lines).toEqual(quote.lines);
    // Two IntelliJ IDEA seats: two new License IDs.
    expect(order.licenses).toHaveLength(2);
    expect(order.licenses[0]).toMatchObject({
      lineNo: 1,
      productCode: 'II',
      licenseId: expect.stringMatching(/^[A-Z0-9]{10}$/),
    });
    expect((await session.get(`/api/quotes/${quote.quoteNumber}`)).json()).toMatchObject({
      status: 'ordered',
      actions: { order: false, cancel: false },
    });
    expect(await chargesOf(token)).toMatchObject([
      { status: 'captured', amountMinor: quote.totals.totalMinor },
    ]);
    const [email] = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.subjectRef, `order:${order.orderNumber}`));
    expect(email).toMatchObject({ toAddress: partner.emails.sales });
    expect(email?.textBody).toContain(`/orders/${order.orderNumber}`);
    // The answer kept for retries carries no keys; the order page shows them to sellers, not billing.
    expect(order.licenses[0].key).toBeNull();
    const shown = (await session.get(`/api/orders/${order.orderNumber}`)).json();
    expect(shown.endUser).toEqual({ name: 'Ada Lovelace', email: 'ada@initech.test' });
    const key = shown.licenses[0].key as string;
    expect(key).toMatch(new RegExp(`^${order.licenses[0].licenseId}-`));
    expect((await (await partner.loginAs('billing')).get(`/api/orders/${order.orderNumber}`)).json()).toEqual(
      {
        ...shown,
        licenses: shown.licenses.map((l: object) => ({ ...l, key: null })),
        actions: { sendActivation: false, renew: false },
        // Billing sees the order's invoice, not its quote (quotes are for sellers).
        related: [
          {
            kind: 'invoice',
            number: order.invoice.invoiceNumber,
            link: `/invoices/${order.invoice.invoiceNumber}`,
          },
        ],
      },
    );
    const sent = await session.post(`/api/orders/${order.orderNumber}/activation-email`);
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ sentTo: 'ada@initech.test' });
    const [activation] = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.subjectRef, `activation:${order.orderNumber}`));
    expect(activation).toMatchObject({ toAddress: 'ada@initech.test', sealed: true });
    expect(activation?.textBody).not.toContain(key);
    expect(openLicenseKey(activation?.textBody ?? '')).toContain(key);
    expect(
      (await (await partner.loginAs('billing')).post(`/api/orders/${order.orderNumber}/activation-email`))
        .statusCode,
    ).toBe(403);
    // The same request again (a reload): the same order.
    const again = await place(
      session,
      { quoteNumber: quote.quoteNumber, payment: { method: 'card', token } },
      'order-1',
    );
    expect(again.statusCode).toBe(201);
    expect(again.json().orderNumber).toBe(order.orderNumber);
    const rival = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    expect((await rival.get(`/api/orders/${order.orderNumber}`)).statusCode).toBe(404);
  });

  it('creates nothing when the card is declined, and the quote can still be ordered', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    const before = (await t.db.select({ n: sql<number>`count(*)::int` }).from(orders))[0]?.n;
    const declined = await place(session, {
      quoteNumber: quote.quoteNumber,
      payment: { method: 'card', token: await cardToken(sandboxTestCards.decline) },
    });
    expect(declined.statusCode).toBe(422);
    expect(declined.json()).toMatchObject({ code: 'payment.declined', field: 'payment' });
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(orders))[0]?.n).toBe(before);
    expect((await session.get(`/api/quotes/${quote.quoteNumber}`)).json().status).toBe('open');
    const paid = await place(session, {
      quoteNumber: quote.quoteNumber,
      payment: { method: 'card', token: await cardToken() },
    });
    expect(paid.statusCode).toBe(201);
  });

  it('makes one order and one charge of 20 parallel requests', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    const token = await cardToken();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        place(
          session,
          { quoteNumber: quote.quoteNumber, payment: { method: 'card', token } },
          `parallel-${quote.quoteNumber}-${i}`,
        ),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.statusCode !== 201)) {
      expect(refused.statusCode).toBe(409);
      // While the winner takes the payment the quote is being ordered; after, it is ordered.
      expect(['quote.ordering', 'quote.not_orderable']).toContain(refused.json().code);
      if (refused.json().code === 'quote.not_orderable') expect(refused.json().params.status).toBe('ordered');
    }
    expect(await chargesOf(token)).toHaveLength(1);
  });

  it('never charges twice when the provider times out after charging and the request is retried', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    const token = await cardToken();
    loseNextAnswer = true;
    const lost = await place(
      session,
      { quoteNumber: quote.quoteNumber, payment: { method: 'card', token } },
      `lost-${quote.quoteNumber}`,
    );
    expect(lost.statusCode).toBe(503);
    expect(lost.json()).toMatchObject({ code: 'payment.unavailable' });
    // The charge may exist: the quote stays claimed until the same attempt (or the recovery) settles it.
    expect((await session.get(`/api/quotes/${quote.quoteNumber}`)).json()).toMatchObject({
      status: 'ordering',
      actions: { order: false, cancel: false },
    });
    const another = await place(
      session,
      { quoteNumber: quote.quoteNumber, payment: { method: 'card', token: await cardToken() } },
      `another-${quote.quoteNumber}`,
    );
    expect(another.statusCode).toBe(409);
    expect(another.json()).toMatchObject({ code: 'quote.ordering' });
    const retried = await place(
      session,
      { quoteNumber: quote.quoteNumber, payment: { method: 'card', token } },
      `lost-${quote.quoteNumber}`,
    );
    expect(retried.statusCode).toBe(201);
    expect(await chargesOf(token)).toMatchObject([{ status: 'captured' }]);
  });

  it('refunds the charge when a step after it fails, and leaves nothing half-made', async () => {
    const customer = await createTestCustomer(t.db);
    const today = todayUtc(t.clock.now);
    const seats = await createTestLicenses(t.db, customer, {
      productCode: 'WS',
      seats: 1,
      periodStart: addYears(addDays(today, 30), -1),
      periodEnd: addDays(today, 30),
    });
    const licenseId = seats.licenses[0]?.licenseId ?? '';
    await openAccount(session, customer);
    await session.post(`/api/customers/${customer.customerId}/cart/renewals`, {
      kind: 'renewal',
      licenseIds: [licenseId],
      termYears: 1,
    });
    const quote = (
      await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() })
    ).json();
    // Meanwhile the license is renewed for that period by another order.
    await t.db.transaction((tx) =>
      extendLicense(tx, {
        licenseId,
        productCode: 'WS',
        periodStart: addDays(today, 30),
        periodEnd: addDays(today, 395),
      }),
    );
    const token = await cardToken();
    const res = await place(session, { quoteNumber: quote.quoteNumber, payment: { method: 'card', token } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'licenses.already_renewed', params: { licenseId } });
    expect(await chargesOf(token)).toMatchObject([{ status: 'refunded' }]);
    expect((await session.get(`/api/quotes/${quote.quoteNumber}`)).json().status).toBe('open');
  });

  it('queues the refund when the provider is away at that moment, and a worker gives the money back', async () => {
    const customer = await createTestCustomer(t.db);
    const today = todayUtc(t.clock.now);
    const seats = await createTestLicenses(t.db, customer, {
      productCode: 'WS',
      seats: 1,
      periodStart: addYears(addDays(today, 40), -1),
      periodEnd: addDays(today, 40),
    });
    const licenseId = seats.licenses[0]?.licenseId ?? '';
    await openAccount(session, customer);
    await session.post(`/api/customers/${customer.customerId}/cart/renewals`, {
      kind: 'renewal',
      licenseIds: [licenseId],
      termYears: 1,
    });
    const quote = (
      await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() })
    ).json();
    await t.db.transaction((tx) =>
      extendLicense(tx, {
        licenseId,
        productCode: 'WS',
        periodStart: addDays(today, 40),
        periodEnd: addDays(today, 405),
      }),
    );
    const token = await cardToken();
    refundFailsOnce = true;
    const res = await place(session, { quoteNumber: quote.quoteNumber, payment: { method: 'card', token } });
    expect(res.json()).toMatchObject({ code: 'licenses.already_renewed' });
    expect(await chargesOf(token)).toMatchObject([{ status: 'captured' }]);

    await startRefunds(t.jobs, { payments: t.app.portal.payments, paypal: null });
    const deadline = Date.now() + 20_000;
    while ((await chargesOf(token))[0]?.status !== 'refunded' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await chargesOf(token)).toMatchObject([{ status: 'refunded' }]);
  });

  it('extends the License IDs a renewal quote names', async () => {
    const customer = await createTestCustomer(t.db);
    const today = todayUtc(t.clock.now);
    const end = addDays(today, 20);
    const seats = await createTestLicenses(t.db, customer, {
      productCode: 'GO',
      seats: 2,
      periodStart: addYears(end, -1),
      periodEnd: end,
    });
    const ids = seats.licenses.map((l) => l.licenseId).sort();
    await openAccount(session, customer);
    await session.post(`/api/customers/${customer.customerId}/cart/renewals`, {
      kind: 'renewal',
      licenseIds: ids,
      termYears: 1,
    });
    const quote = (
      await session.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() })
    ).json();
    const order = (
      await place(session, {
        quoteNumber: quote.quoteNumber,
        payment: { method: 'card', token: await cardToken() },
      })
    ).json();
    expect(order.licenses.map((l: { licenseId: string }) => l.licenseId).sort()).toEqual(ids);
    const found = await session.post(`/api/customers/${customer.customerId}/licenses/search`, {
      mode: 'order',
      number: order.orderNumber,
    });
    expect(found.json().items[0]).toMatchObject({ periodStart: end, periodEnd: addYears(end, 1), seats: 2 });
  });
});

describe('Place order postpaid', () => {
  it('is for partners with credit terms: an unpaid invoice due in 30 days, no payment', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    const refused = await place(session, { quoteNumber: quote.quoteNumber, payment: { method: 'postpaid' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'orders.postpaid_not_allowed' });
    await setPartnerCreditTerms(t.db, partner.id, true);
    const res = await place(session, { quoteNumber: quote.quoteNumber, payment: { method: 'postpaid' } });
    expect(res.statusCode).toBe(201);
    const today = todayUtc(t.clock.now);
    expect(res.json()).toMatchObject({
      payment: null,
      invoice: {
        paymentType: 'postpaid',
        status: 'not_paid',
        dueOn: addDays(today, 30),
        paidOn: null,
        amountDueMinor: quote.totals.totalMinor,
      },
    });
  });
});
