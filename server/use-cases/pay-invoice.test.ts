import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import {
  answerSandboxPayPal,
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  createTestStaff,
  placeTestOrder,
  quoteFor,
  type TestPartner,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { TestSession } from '../test/session.ts';

let t: TestApp;
let partner: TestPartner;
let sales: TestSession;
let billing: TestSession;
let customer: { customerId: string; email: string };

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  sales = await partner.loginAs('sales');
  billing = await partner.loginAs('billing');
  customer = await createTestCustomer(t.db, { name: 'Initech' });
});
afterAll(() => t.close());

const postpaidOrder = () => placeTestOrder(sales, customer);
const card = (number?: string) => createTestCardToken(t.app, number ? { number } : {});
const pay = (session: TestSession, invoiceNumber: string, payment: unknown) =>
  session.post(`/api/invoices/${invoiceNumber}/payment`, { payment });

describe('Pay now on a postpaid invoice', () => {
  it('is offered to billing on an unpaid invoice, then pays it by card: Paid, the payment on the order, audited', async () => {
    const order = await postpaidOrder();
    const invoiceNumber = order.invoice.invoiceNumber;
    const before = (await billing.get(`/api/invoices/${invoiceNumber}`)).json();
    expect(before).toMatchObject({ status: 'not_paid', paymentType: 'postpaid', actions: { pay: true } });

    const res = await pay(billing, invoiceNumber, { method: 'card', token: await card() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'paid',
      paymentType: 'postpaid',
      paidOn: before.issuedOn,
      amountDueMinor: 0,
      payment: { provider: 'sandbox', last4: '4242' },
      actions: { pay: false },
    });
    const orderNow = (await billing.get(`/api/orders/${order.orderNumber}`)).json();
    expect(orderNow.invoice.status).toBe('paid');
    expect(orderNow.payment).toMatchObject({ last4: '4242' });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, invoiceNumber));
    expect(audit).toEqual([expect.objectContaining({ action: 'invoice.paid', partnerId: partner.id })]);
  });

  it('charges once for parallel clicks with the same card, and every click answers the paid invoice', async () => {
    const { invoice } = await postpaidOrder();
    const token = await card();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => pay(billing, invoice.invoiceNumber, { method: 'card', token })),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const references = new Set(answers.map((r) => JSON.stringify(r.json().payment)));
    expect(references.size).toBe(1);
    const charges = await t.sandbox.store.chargesOf(token);
    expect(charges).toHaveLength(1);
  });

  it('refuses a paid invoice, a declined card, sales, and another partner', async () => {
    const { invoice } = await postpaidOrder();
    const declined = await pay(billing, invoice.invoiceNumber, {
      method: 'card',
      token: await card('4000000000000002'),
    });
    expect(declined.statusCode, declined.body).toBe(422);
    expect(declined.json().code).toBe('payment.declined');
    expect((await billing.get(`/api/invoices/${invoice.invoiceNumber}`)).json().status).toBe('not_paid');

    expect(
      (await pay(sales, invoice.invoiceNumber, { method: 'card', token: await card() })).statusCode,
    ).toBe(403);
    const stranger = await (await createTestPartner(t.db, t.app)).loginAs('billing');
    expect(
      (await pay(stranger, invoice.invoiceNumber, { method: 'card', token: await card() })).statusCode,
    ).toBe(404);

    expect(
      (await pay(billing, invoice.invoiceNumber, { method: 'card', token: await card() })).statusCode,
    ).toBe(200);
    const again = await pay(billing, invoice.invoiceNumber, { method: 'card', token: await card() });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invoice.not_unpaid');
  });

  it('pays with a stored card', async () => {
    const { invoice } = await postpaidOrder();
    const methods = (
      await billing.post('/api/payment-methods', { token: await card('5555555555554444') })
    ).json();
    const stored = methods.items.find((m: { last4: string }) => m.last4 === '4444');
    const res = await pay(billing, invoice.invoiceNumber, { method: 'stored', paymentMethodId: stored.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'paid', payment: { last4: '4444' } });
  });

  it('pays with PayPal the buyer approved on its page', async () => {
    const { invoice } = await postpaidOrder();
    const started = await billing.post(`/api/invoices/${invoice.invoiceNumber}/paypal`);
    expect(started.statusCode, started.body).toBe(201);
    const back = await answerSandboxPayPal(t.app, started.json().approveUrl);
    expect(back.pathname).toBe(`/invoices/${invoice.invoiceNumber}`);
    const res = await pay(billing, invoice.invoiceNumber, { method: 'paypal', orderId: started.json().id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'paid', payment: { provider: 'sandbox' } });
  });
});

describe('related documents', () => {
  it('tie the quote, the order, the invoice and its credit note both ways, as far as the user may see', async () => {
    const admin = await partner.loginAs('admin');
    const order = await postpaidOrder();
    const invoiceNumber = order.invoice.invoiceNumber;
    const quoteNumber = order.quoteNumber;
    const expected = {
      quote: { kind: 'quote', number: quoteNumber, link: `/quotes/${quoteNumber}` },
      order: { kind: 'order', number: order.orderNumber, link: `/orders/${order.orderNumber}` },
      invoice: { kind: 'invoice', number: invoiceNumber, link: `/invoices/${invoiceNumber}` },
    };
    expect((await admin.get(`/api/quotes/${quoteNumber}`)).json().related).toEqual([
      expected.order,
      expected.invoice,
    ]);
    expect((await admin.get(`/api/orders/${order.orderNumber}`)).json().related).toEqual([
      expected.quote,
      expected.invoice,
    ]);
    expect((await admin.get(`/api/invoices/${invoiceNumber}`)).json().related).toEqual([
      expected.quote,
      expected.order,
    ]);
    // Sales do not see invoices, billing does not see quotes.
    expect((await sales.get(`/api/orders/${order.orderNumber}`)).json().related).toEqual([expected.quote]);
    expect((await billing.get(`/api/orders/${order.orderNumber}`)).json().related).toEqual([
      expected.invoice,
    ]);

    const staff = await createTestStaff(t.db, t.app);
    const staffSession = await staff.login();
    await staffSession.post(`/api/admin/invoices/${invoiceNumber}/credit-note`, { reason: 'Ordered twice' });
    const related = (await admin.get(`/api/orders/${order.orderNumber}`)).json().related;
    expect(related.at(-1)).toMatchObject({
      kind: 'credit_note',
      link: `/api/invoices/${invoiceNumber}/credit-note`,
    });
  });

  it('lists nothing for a quote not ordered', async () => {
    const admin = await partner.loginAs('admin');
    const quote = await quoteFor(admin, customer);
    expect((await admin.get(`/api/quotes/${quote.quoteNumber}`)).json().related).toEqual([]);
  });
});
