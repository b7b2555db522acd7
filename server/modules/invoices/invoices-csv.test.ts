import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/csv.ts';
import {
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  placeTestOrder,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { invoiceRowBatches } from './invoices.queries.ts';

let t: TestApp;
let partner: TestPartner;
let billing: TestSession;
const invoiceOf: Record<'paid' | 'overdue' | 'due', string> = { paid: '', overdue: '', due: '' };

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  let sales = await partner.loginAs('sales');
  const acme = await createTestCustomer(t.db, { name: 'Acme Anvils' });
  const globex = await createTestCustomer(t.db, { name: 'Globex Gears' });
  invoiceOf.paid = (
    await placeTestOrder(sales, acme, quoteInput(), {
      method: 'card',
      token: await createTestCardToken(t.app),
    })
  ).invoice.invoiceNumber;
  invoiceOf.overdue = (
    await placeTestOrder(sales, globex, quoteInput({ poNumber: '+PO-GEARS' }))
  ).invoice.invoiceNumber;
  // 35 days on: the first postpaid invoice is past due (30 days), the next one is not.
  t.clock.advanceDays(35);
  sales = await partner.loginAs('sales');
  invoiceOf.due = (await placeTestOrder(sales, acme)).invoice.invoiceNumber;
  billing = await partner.loginAs('billing');
}, 120_000);
afterAll(() => t.close());

describe('GET /api/invoices.csv', () => {
  it('downloads every invoice of the list with its products, status and amount due', async () => {
    const res = await billing.get('/api/invoices.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="invoices-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toHaveLength(17);
    const list = (await billing.get('/api/invoices?pageSize=100')).json();
    expect(rows.map((row) => row[0])).toEqual(
      list.items.map((i: { invoiceNumber: string }) => i.invoiceNumber),
    );
    const byNumber = new Map(rows.map((row) => [row[0], row]));
    const shown = list.items.find((i: { invoiceNumber: string }) => i.invoiceNumber === invoiceOf.overdue);
    expect(byNumber.get(invoiceOf.overdue)).toEqual([
      invoiceOf.overdue,
      shown.issuedOn,
      shown.dueOn,
      '',
      'Postpaid',
      'Not Paid',
      'Yes',
      shown.orderNumber,
      "'+PO-GEARS",
      shown.customer.customerId,
      'Globex Gears',
      shown.customer.country,
      shown.customerEmail,
      '2 × IntelliJ IDEA Ultimate (New)',
      'USD',
      (shown.amountMinor / 100).toFixed(2),
      (shown.amountDueMinor / 100).toFixed(2),
    ]);
    expect(byNumber.get(invoiceOf.paid)?.slice(4, 7)).toEqual(['Online', 'Paid', 'No']);
    expect(byNumber.get(invoiceOf.paid)?.[16]).toBe('0.00');
    expect(byNumber.get(invoiceOf.due)?.slice(5, 7)).toEqual(['Not Paid', 'No']);
  });

  it('takes the status filter, overdue included, and the search', async () => {
    const overdue = parseCsv((await billing.get('/api/invoices.csv?status=overdue')).body).slice(1);
    expect(overdue.map((row) => row[0])).toEqual([invoiceOf.overdue]);
    const acme = parseCsv((await billing.get('/api/invoices.csv?q=acme%20anvils')).body).slice(1);
    expect(acme.map((row) => row[0]).sort()).toEqual([invoiceOf.paid, invoiceOf.due].sort());
  });

  it('is not for sales users, and holds only the partner’s own invoices', async () => {
    expect((await (await partner.loginAs('sales')).get('/api/invoices.csv')).statusCode).toBe(403);
    const other = await createTestPartner(t.db, t.app);
    expect(parseCsv((await (await other.loginAs('billing')).get('/api/invoices.csv')).body)).toHaveLength(1);
  });

  it('reads every invoice once in batches of any size', async () => {
    const read: string[] = [];
    for await (const batch of invoiceRowBatches(t.db, { partnerId: partner.id, today: '2027-01-01' }, 1)) {
      read.push(...batch.map((row) => row.invoiceNumber));
    }
    const list = (await billing.get('/api/invoices?pageSize=100')).json();
    expect(read).toEqual(list.items.map((i: { invoiceNumber: string }) => i.invoiceNumber));
  });
});
