import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayUtc } from '../../lib/dates.ts';
import {
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  createTestStaff,
  placeTestOrder,
  quoteFor,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';

let t: TestApp;
let staff: TestSession;
let partner: TestPartner;
let postpaid: { invoice: { invoiceNumber: string } };
let toCredit: { invoice: { invoiceNumber: string } };
let paidByCard: { invoice: { invoiceNumber: string } };

beforeAll(async () => {
  t = await startTestApp();
  staff = await (await createTestStaff(t.db, t.app)).login();
  partner = await createTestPartner(t.db, t.app, { creditTerms: true, name: 'Backoffice Reseller' });
  const sales = await partner.loginAs('sales');
  const customer = await createTestCustomer(t.db);
  postpaid = await placeTestOrder(sales, customer);
  toCredit = await placeTestOrder(sales, customer);
  paidByCard = await placeTestOrder(sales, customer, undefined, {
    method: 'card',
    token: await createTestCardToken(t.app),
  });
  const other = await createTestPartner(t.db, t.app, { creditTerms: true });
  await placeTestOrder(await other.loginAs('sales'), await createTestCustomer(t.db));
});
afterAll(() => t.close());

describe("the back office's invoices", () => {
  it("lists every partner's invoices, by status and by partner or customer", async () => {
    const all = (await staff.get('/api/admin/invoices')).json();
    expect(all.total).toBe(4);
    const unpaid = (await staff.get('/api/admin/invoices?status=not_paid&q=backoffice')).json();
    expect(unpaid.items.map((i: { invoiceNumber: string }) => i.invoiceNumber).sort()).toEqual(
      [postpaid.invoice.invoiceNumber, toCredit.invoice.invoiceNumber].sort(),
    );
    expect(unpaid.items[0]).toMatchObject({
      partnerName: 'Backoffice Reseller',
      paymentType: 'postpaid',
      actions: { recordPayment: true, creditNote: true },
    });
  });

  it('records the payment of a postpaid invoice once; the partner sees it Paid and the staff member in its log', async () => {
    const today = todayUtc(t.clock.now);
    const res = await staff.post(`/api/admin/invoices/${postpaid.invoice.invoiceNumber}/payment`, {
      paidOn: today,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'paid',
      paymentType: 'postpaid',
      paidOn: today,
      actions: { recordPayment: false, creditNote: false },
    });
    const again = await staff.post(`/api/admin/invoices/${postpaid.invoice.invoiceNumber}/payment`, {
      paidOn: today,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invoice.not_unpaid' });
    const card = await staff.post(`/api/admin/invoices/${paidByCard.invoice.invoiceNumber}/payment`, {
      paidOn: today,
    });
    expect(card.json()).toMatchObject({ code: 'invoice.not_unpaid' });

    const billing = await partner.loginAs('billing');
    expect((await billing.get(`/api/invoices/${postpaid.invoice.invoiceNumber}`)).json()).toMatchObject({
      status: 'paid',
      amountDueMinor: 0,
    });
    const log = (await (await partner.loginAs('admin')).get('/api/partner/audit?action=invoice.paid')).json();
    expect(log.items[0]).toMatchObject({
      subject: expect.objectContaining({ id: postpaid.invoice.invoiceNumber }),
      actor: expect.objectContaining({ kind: 'vendor_staff', email: null }),
    });
  });

  it('issues a credit note: the invoice is Applied, Credit Note, with its CN number', async () => {
    const res = await staff.post(`/api/admin/invoices/${toCredit.invoice.invoiceNumber}/credit-note`, {
      reason: 'Ordered by mistake',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'applied',
      paymentType: 'credit_note',
      creditNoteNumber: expect.stringMatching(/^CN-\d{4}-\d{6}$/),
    });
    const billing = await partner.loginAs('billing');
    expect(
      (await billing.get(`/api/invoices/${toCredit.invoice.invoiceNumber}`)).json().creditNote,
    ).toMatchObject({
      reason: 'Ordered by mistake',
    });
    expect(
      (await staff.post(`/api/admin/invoices/${toCredit.invoice.invoiceNumber}/credit-note`, { reason: 'x' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await staff.post('/api/admin/invoices/INV-2026-999999/credit-note', { reason: 'x' })).statusCode,
    ).toBe(404);
  });
});

describe("the back office's partners", () => {
  it('creates a partner whose first admin is invited by email', async () => {
    const body = {
      name: 'Nova Revenda',
      country: 'br',
      currency: 'BRL',
      discountPercent: 12.5,
      creditTerms: false,
      admin: { email: 'Boss@Nova.test', name: 'Nova Boss' },
    };
    const res = await staff.post('/api/admin/partners', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Nova Revenda',
      country: 'BR',
      currency: 'BRL',
      discountPercent: 12.5,
      users: 1,
    });
    const users = (await staff.get(`/api/admin/partners/${res.json().id}/users`)).json().items;
    expect(users).toEqual([
      expect.objectContaining({ email: 'boss@nova.test', role: 'admin', status: 'invited' }),
    ]);
    const again = await staff.post('/api/admin/partners', body);
    expect(again.json()).toMatchObject({ code: 'partner.name_taken', field: 'name' });
    const taken = await staff.post('/api/admin/partners', {
      ...body,
      name: 'Nova Two',
      admin: { email: partner.emails.admin, name: 'X' },
    });
    expect(taken.json()).toMatchObject({ code: 'user.email_taken', field: 'admin.email' });
  });

  it('changes the discount level and the credit terms; the partner sees them at once', async () => {
    const res = await staff.patch(`/api/admin/partners/${partner.id}`, {
      discountPercent: 20,
      creditTerms: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ discountPercent: 20, creditTerms: false });
    const sales = await partner.loginAs('sales');
    expect((await sales.get('/api/partner/profile')).json()).toMatchObject({
      discountPercent: 20,
      creditTerms: false,
    });
    const quote = await quoteFor(sales, await createTestCustomer(t.db));
    const refused = await sales.post('/api/orders', {
      quoteNumber: quote.quoteNumber,
      payment: { method: 'postpaid' },
    });
    expect(refused.json()).toMatchObject({ code: 'orders.postpaid_not_allowed' });
    const users = (await staff.get(`/api/admin/partners/${partner.id}/users`)).json().items;
    expect(users.map((u: { role: string }) => u.role).sort()).toEqual(['admin', 'billing', 'sales']);
    expect(users[0]).toMatchObject({ status: 'active' });
    expect((await staff.get(`/api/admin/partners/${crypto.randomUUID()}/users`)).statusCode).toBe(404);
    expect((await staff.patch(`/api/admin/partners/${partner.id}`, {})).json()).toMatchObject({
      code: 'validation.nothing_to_change',
    });
  });
});
