import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../db/schema/index.ts';
import { addDays, todayUtc } from '../../lib/dates.ts';
import { formatMoney } from '../../lib/formatting.ts';
import {
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  placeTestOrder,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';
import type { TestSession } from '../../test/session.ts';
import { applyCreditNote } from './invoices.service.ts';

let t: TestApp;
let partner: TestPartner;
let billing: TestSession;
const order: Record<
  'paid' | 'overdue' | 'due' | 'credited',
  { orderNumber: string; invoice: { invoiceNumber: string } }
> = {} as never;
let acme: { customerId: string; email: string };
let start: string;

beforeAll(async () => {
  t = await startTestApp();
  start = todayUtc(t.clock.now);
  partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  let sales = await partner.loginAs('sales');
  acme = await createTestCustomer(t.db, { name: 'Acme Anvils' });
  const globex = await createTestCustomer(t.db, { name: 'Globex Gears' });
  order.paid = await placeTestOrder(
    sales,
    acme,
    quoteInput({ endUser: { name: 'Road Runner', email: 'runner@acme.test' } }),
    { method: 'card', token: await createTestCardToken(t.app) },
  );
  order.overdue = await placeTestOrder(sales, globex, quoteInput({ poNumber: 'PO-GEARS-9' }));
  order.credited = await placeTestOrder(sales, acme);
  await t.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(eq(invoices.invoiceNumber, order.credited.invoice.invoiceNumber));
    await applyCreditNote(tx, {
      invoiceId: row?.id ?? '',
      reason: 'Ordered twice',
      today: start,
      now: t.clock.now,
    });
  });
  // 20 days on another postpaid order; 15 more and the first postpaid one is past due (30 days).
  t.clock.advanceDays(20);
  sales = await partner.loginAs('sales');
  order.due = await placeTestOrder(sales, acme);
  t.clock.advanceDays(15);
  billing = await partner.loginAs('billing');
});
afterAll(() => t.close());

const numbers = async (query: string) => {
  const res = await billing.get(`/api/invoices${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { invoiceNumber: string }) => i.invoiceNumber);
};

describe('the Invoices tab', () => {
  it('lists every field of SPEC §11, newest first, and marks the unpaid one past due as overdue', async () => {
    const list = (await billing.get('/api/invoices')).json();
    expect(list.total).toBe(4);
    expect((await billing.get('/api/invoices?pageSize=3&page=3')).json()).toMatchObject({
      items: [],
      total: 4,
    });
    expect(list.items[0].invoiceNumber).toBe(order.due.invoice.invoiceNumber);
    const overdue = list.items.find(
      (i: { orderNumber: string }) => i.orderNumber === order.overdue.orderNumber,
    );
    expect(overdue).toMatchObject({
      paymentType: 'postpaid',
      status: 'not_paid',
      overdue: true,
      issuedOn: start,
      dueOn: addDays(start, 30),
      paidOn: null,
      poNumber: 'PO-GEARS-9',
      customer: { name: 'Globex Gears' },
      customerEmail: 'ada@initech.test',
      products: [{ productCode: 'II', quantity: 2, kind: 'new', productName: expect.any(String) }],
    });
    expect(overdue.amountDueMinor).toBe(overdue.amountMinor);
    const byOrder = (n: string) => list.items.find((i: { orderNumber: string }) => i.orderNumber === n);
    expect(byOrder(order.paid.orderNumber)).toMatchObject({
      paymentType: 'online',
      status: 'paid',
      paidOn: start,
      amountDueMinor: 0,
      overdue: false,
    });
    expect(byOrder(order.credited.orderNumber)).toMatchObject({
      paymentType: 'credit_note',
      status: 'applied',
      amountDueMinor: 0,
    });
    expect(byOrder(order.due.orderNumber)).toMatchObject({ status: 'not_paid', overdue: false });
    expect((await billing.get('/api/invoices/overdue')).json()).toEqual({
      count: 1,
      oldestDueOn: addDays(start, 30),
    });
  });

  it('filters by status or overdue, by date of issue, and searches number, customer name, Customer ID and email', async () => {
    expect(await numbers('?status=overdue')).toEqual([order.overdue.invoice.invoiceNumber]);
    expect(await numbers('?status=paid')).toEqual([order.paid.invoice.invoiceNumber]);
    expect(await numbers('?status=applied')).toEqual([order.credited.invoice.invoiceNumber]);
    expect(await numbers(`?from=${addDays(start, 1)}`)).toEqual([order.due.invoice.invoiceNumber]);
    expect(await numbers(`?q=${order.paid.invoice.invoiceNumber.toLowerCase()}`)).toEqual([
      order.paid.invoice.invoiceNumber,
    ]);
    expect(await numbers('?q=gears')).toEqual([order.overdue.invoice.invoiceNumber]);
    expect((await numbers(`?q=${acme.customerId}`)).sort()).toEqual(
      [order.paid, order.credited, order.due].map((o) => o.invoice.invoiceNumber).sort(),
    );
    expect(await numbers('?q=RUNNER@acme.test')).toEqual([order.paid.invoice.invoiceNumber]);
    expect((await numbers(`?q=${encodeURIComponent(acme.email)}`)).length).toBe(3);
  });

  it('opens an invoice with its lines, bill-to, payment and credit note, and prints it as a PDF', async () => {
    const credited = (await billing.get(`/api/invoices/${order.credited.invoice.invoiceNumber}`)).json();
    expect(credited).toMatchObject({
      status: 'applied',
      billTo: { companyName: 'Demo Reseller LLC', country: 'US' },
      creditNote: {
        reason: 'Ordered twice',
        issuedOn: start,
        creditNoteNumber: expect.stringMatching(/^CN-/),
      },
      payment: null,
    });
    expect(credited.lines).toHaveLength(1);
    const paid = (await billing.get(`/api/invoices/${order.paid.invoice.invoiceNumber}`)).json();
    expect(paid.payment).toEqual({ provider: 'sandbox', brand: 'visa', last4: '4242' });

    const overdue = (await billing.get(`/api/invoices/${order.overdue.invoice.invoiceNumber}`)).json();
    const pdf = await billing.get(`/api/invoices/${order.overdue.invoice.invoiceNumber}/pdf?locale=pt-BR`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Fatura ${overdue.invoiceNumber}`);
    expect(text).toContain('Pós-pago · Não paga (Vencida)');
    expect(text).toContain(order.overdue.orderNumber);
    expect(text).toContain('PO-GEARS-9');
    expect(text).toContain('Globex Gears');
    // Money is formatted with a no-break space; the PDF's text comes out with a plain one.
    expect(text).toContain(
      `Valor devido ${formatMoney(overdue.amountMinor, 'USD', 'pt-BR').replace(/\s/g, ' ')}`,
    );
  });

  it('prints the credit note of a credited invoice; an invoice without one has none', async () => {
    const pdf = await billing.get(
      `/api/invoices/${order.credited.invoice.invoiceNumber}/credit-note?locale=en`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Credit note CN-\d{4}-\d{6}/);
    expect(text).toContain(`Settles invoice ${order.credited.invoice.invoiceNumber}`);
    expect(text).toContain('Ordered twice');
    const none = await billing.get(`/api/invoices/${order.overdue.invoice.invoiceNumber}/credit-note`);
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'credit_note.not_found' });
  });

  it('is for admins and billing; sales get 403; another partner finds nothing', async () => {
    const sales = await partner.loginAs('sales');
    expect((await sales.get('/api/invoices')).statusCode).toBe(403);
    expect((await (await partner.loginAs('admin')).get('/api/invoices')).statusCode).toBe(200);
    const other = await (await createTestPartner(t.db, t.app)).loginAs('billing');
    expect((await other.get('/api/invoices')).json().total).toBe(0);
    expect((await other.get('/api/invoices?q=acme')).json().total).toBe(0);
    expect((await other.get('/api/invoices/overdue')).json()).toEqual({ count: 0, oldestDueOn: null });
    const foreign = await other.get(`/api/invoices/${order.paid.invoice.invoiceNumber}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'invoice.not_found' });
  });
});
