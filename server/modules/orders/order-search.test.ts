import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices, orders } from '../../db/schema/index.ts';
import { addDays, todayUtc } from '../../lib/dates.ts';
import {
  createTestCustomer,
  createTestPartner,
  placeTestOrder,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';

let t: TestApp;
let partner: TestPartner;
let sales: TestSession;
const placed: Record<string, { orderNumber: string }> = {};
let acme: { customerId: string; email: string; name: string };
let globex: { customerId: string; email: string; name: string };

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  sales = await partner.loginAs('sales');
  acme = { ...(await createTestCustomer(t.db, { name: 'Acme Rockets' })), name: 'Acme Rockets' };
  globex = { ...(await createTestCustomer(t.db, { name: 'Globex Ltda' })), name: 'Globex Ltda' };
  placed.first = await placeTestOrder(
    sales,
    acme,
    quoteInput({ poNumber: 'PO-ROCKET-1', endUser: { name: 'Wile E.', email: 'Wile@Acme.test' } }),
  );
  // The next orders a week later (a new login: sessions end when idle): the date range tells them apart.
  t.clock.advanceDays(7);
  sales = await partner.loginAs('sales');
  placed.second = await placeTestOrder(
    sales,
    globex,
    quoteInput({ poNumber: undefined, endUser: { name: 'Hank Scorpio', email: 'hank@globex.test' } }),
  );
  placed.third = await placeTestOrder(sales, acme, quoteInput({ poNumber: 'PO-7781-B' }));
});
afterAll(() => t.close());

const numbers = async (who: TestSession, query: string) => {
  const res = await who.get(`/api/orders${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((o: { orderNumber: string }) => o.orderNumber);
};

describe('the Orders list', () => {
  it("lists the partner's orders newest first, with the invoice of each", async () => {
    const res = (await sales.get('/api/orders')).json();
    expect(res.total).toBe(3);
    expect(res.items.map((o: { orderNumber: string }) => o.orderNumber)).toEqual([
      placed.third?.orderNumber,
      placed.second?.orderNumber,
      placed.first?.orderNumber,
    ]);
    expect(res.items[2]).toMatchObject({
      customer: { customerId: acme.customerId, name: 'Acme Rockets' },
      endUserEmail: 'wile@acme.test',
      poNumber: 'PO-ROCKET-1',
      invoice: { status: 'not_paid', paymentType: 'postpaid' },
    });
  });

  it('finds orders by order number, PO number, customer name, Customer ID and customer email', async () => {
    const first = placed.first?.orderNumber ?? '';
    expect(await numbers(sales, `?q=${first.toLowerCase()}`)).toEqual([first]);
    expect(await numbers(sales, '?q=ROCKET-1')).toEqual([first]);
    expect(await numbers(sales, '?q=globex')).toEqual([placed.second?.orderNumber]);
    expect(await numbers(sales, `?q=${acme.customerId}`)).toEqual([placed.third?.orderNumber, first]);
    // The licensee's email, or a contact of the account, matched whole.
    expect(await numbers(sales, '?q=WILE@acme.test')).toEqual([first]);
    expect(await numbers(sales, `?q=${encodeURIComponent(globex.email)}`)).toEqual([
      placed.second?.orderNumber,
    ]);
    expect(await numbers(sales, '?q=nothing-like-this')).toEqual([]);
  });

  it('finds orders and their invoices by a part of the licensee email, either side of its @', async () => {
    const first = placed.first?.orderNumber ?? '';
    expect(await numbers(sales, '?q=e%40acme')).toEqual([first]);
    expect(await numbers(sales, '?q=%40globex.te')).toEqual([placed.second?.orderNumber]);
    expect(await numbers(sales, '?q=A%40INIT')).toEqual([placed.third?.orderNumber]);
    expect(await numbers(sales, '?q=x%40acme')).toEqual([]);
    const billing = await partner.loginAs('billing');
    const invoicesFound = async (q: string) => (await billing.get(`/api/invoices?q=${q}`)).json().total;
    expect(await invoicesFound('e%40acme')).toBe(1);
    // An email with two @ (no form takes one; a row written before might hold it) is found at either.
    const twoAts = 'wile@relay@acme.test';
    const ofFirst = t.db.select({ id: orders.id }).from(orders).where(eq(orders.orderNumber, first));
    await t.db.update(orders).set({ endUserEmail: twoAts }).where(eq(orders.orderNumber, first));
    await t.db.update(invoices).set({ endUserEmail: twoAts }).where(inArray(invoices.orderId, ofFirst));
    try {
      for (const q of ['e%40relay', 'y%40acme', '%40acme.te', 'e%40relay%40ac']) {
        expect(await numbers(sales, `?q=${q}`), q).toEqual([first]);
        expect(await invoicesFound(q), q).toBe(1);
      }
    } finally {
      await t.db.update(orders).set({ endUserEmail: 'wile@acme.test' }).where(eq(orders.orderNumber, first));
      await t.db
        .update(invoices)
        .set({ endUserEmail: 'wile@acme.test' })
        .where(inArray(invoices.orderId, ofFirst));
    }
  });

  it('narrows to a date range of the user’s days, and pages', async () => {
    const today = todayUtc(t.clock.now);
    expect(await numbers(sales, `?from=${addDays(today, -1)}&to=${today}`)).toEqual([
      placed.third?.orderNumber,
      placed.second?.orderNumber,
    ]);
    expect(await numbers(sales, `?to=${addDays(today, -3)}`)).toEqual([placed.first?.orderNumber]);
    const page = (await sales.get('/api/orders?pageSize=2&page=2')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    expect((await sales.get('/api/orders?pageSize=2&page=4')).json()).toMatchObject({ items: [], total: 3 });
    const backwards = await sales.get(`/api/orders?from=${today}&to=${addDays(today, -1)}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'validation.date_order', field: 'to' });
  });

  it('shows billing the orders, and another partner none of them, whatever it searches', async () => {
    expect(await numbers(await partner.loginAs('billing'), '')).toHaveLength(3);
    const other = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    expect(await numbers(other, '')).toEqual([]);
    expect(await numbers(other, `?q=${placed.first?.orderNumber}`)).toEqual([]);
    expect(await numbers(other, '?q=acme')).toEqual([]);
    expect(await numbers(other, `?q=${encodeURIComponent(acme.email)}`)).toEqual([]);
  });
});
