import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '../../db/schema/index.ts';
import { parseCsv } from '../../test/csv.ts';
import {
  createTestCustomer,
  createTestPartner,
  placeTestOrder,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { orderSummaryBatches } from './order-search.queries.ts';

let t: TestApp;
let partner: TestPartner;
let sales: TestSession;
const placed: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  sales = await partner.loginAs('sales');
  const acme = await createTestCustomer(t.db, { name: 'Acme Rockets' });
  const globex = await createTestCustomer(t.db, { name: 'Globex Ltda' });
  for (const [customer, po] of [
    [acme, '@SUM(1)'],
    [globex, 'PO-2'],
    [acme, 'PO-3'],
    [globex, 'PO-4'],
  ] as const) {
    placed.push((await placeTestOrder(sales, customer, quoteInput({ poNumber: po }))).orderNumber);
  }
}, 120_000);
afterAll(() => t.close());

describe('GET /api/orders.csv', () => {
  it('downloads every order of the list, in its order, with its invoice', async () => {
    const res = await sales.get('/api/orders.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = parseCsv(res.body);
    expect(header?.slice(0, 3)).toEqual(['Order number', 'Date', 'Customer ID']);
    const list = (await sales.get('/api/orders?pageSize=100')).json();
    expect(rows.map((row) => row[0])).toEqual(list.items.map((o: { orderNumber: string }) => o.orderNumber));
    const first = list.items[0];
    expect(rows[0]).toEqual([
      first.orderNumber,
      first.createdAt.slice(0, 10),
      first.customer.customerId,
      first.customer.name,
      first.customer.country,
      first.endUserEmail,
      first.poNumber,
      first.quoteNumber,
      first.invoice.invoiceNumber,
      'Not Paid',
      'Postpaid',
      'USD',
      (first.totalMinor / 100).toFixed(2),
    ]);
    expect(rows.map((row) => row[6])).toContain("'@SUM(1)");
  });

  it('takes the search of the list, and holds only this partner’s orders', async () => {
    const res = await sales.get('/api/orders.csv?q=globex');
    expect(
      parseCsv(res.body)
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(['Globex Ltda', 'Globex Ltda']);
    const other = await createTestPartner(t.db, t.app);
    expect(parseCsv((await (await other.loginAs('sales')).get('/api/orders.csv')).body)).toHaveLength(1);
  });

  it('is for those who may read orders, in their language', async () => {
    const billing = await partner.loginAs('billing');
    expect((await billing.put('/api/auth/me/locale', { locale: 'pt-BR' })).statusCode).toBe(204);
    const [header, row] = parseCsv((await billing.get('/api/orders.csv')).body);
    expect(header?.[0]).toBe('Número do pedido');
    expect(row?.slice(9, 11)).toEqual(['Não paga', 'Pós-pago']);
  });

  it('reads every order once in batches, even when orders share the same instant', async () => {
    await t.db
      .update(orders)
      .set({ createdAt: new Date('2026-06-01T12:00:00.123456Z') })
      .where(inArray(orders.orderNumber, placed.slice(0, 3)));
    const list = (await sales.get('/api/orders?pageSize=100')).json();
    const read: string[] = [];
    for await (const batch of orderSummaryBatches(t.db, { partnerId: partner.id }, 2)) {
      read.push(...batch.map((row) => row.orderNumber));
    }
    expect(read).toEqual(list.items.map((o: { orderNumber: string }) => o.orderNumber));
  });
});
