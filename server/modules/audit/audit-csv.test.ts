import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/csv.ts';
import {
  createTestCustomer,
  createTestPartner,
  placeTestOrder,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { partnerAuditBatches } from './audit.queries.ts';

let t: TestApp;
let partner: TestPartner;
let admin: TestSession;
let order: { orderNumber: string; totalMinor: number };
let customer: Awaited<ReturnType<typeof createTestCustomer>>;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  admin = await partner.loginAs('admin');
  customer = await createTestCustomer(t.db, { name: 'Globex, "Ltda"' });
  order = await placeTestOrder(await partner.loginAs('sales'), customer);
}, 60_000);
afterAll(() => t.close());

describe('GET /api/partner/audit.csv', () => {
  it('downloads every entry of the log, newest first, as the page names them', async () => {
    const res = await admin.get('/api/partner/audit.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = parseCsv(res.body);
    expect(header?.[0]).toBe('Occurred at (UTC)');
    const page = (await admin.get('/api/partner/audit?pageSize=100')).json();
    expect(rows).toHaveLength(page.total);
    expect(rows.map((row) => row[0])).toEqual(page.items.map((e: { occurredAt: string }) => e.occurredAt));
    const placed = rows.find((row) => row[3] === 'order.placed');
    expect(placed?.slice(1, 11)).toEqual([
      partner.emails.sales.replace(/^sales\.(\w+)@.*$/, 'sales $1'),
      partner.emails.sales,
      'order.placed',
      'order',
      order.orderNumber,
      '',
      customer.customerId,
      'Globex, "Ltda"',
      'USD',
      (order.totalMinor / 100).toFixed(2),
    ]);
  });

  it('takes the filters of the page: an action’s beginning and a search', async () => {
    const rows = parseCsv((await admin.get('/api/partner/audit.csv?action=order.')).body).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[3]?.startsWith('order.')).toBe(true);
    const found = parseCsv((await admin.get(`/api/partner/audit.csv?q=${order.orderNumber}`)).body).slice(1);
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) expect(row[5]).toBe(order.orderNumber);
  });

  it('is for the partner’s admins, about its own log only', async () => {
    expect((await (await partner.loginAs('sales')).get('/api/partner/audit.csv')).statusCode).toBe(403);
    const other = await createTestPartner(t.db, t.app);
    const rows = parseCsv((await (await other.loginAs('admin')).get('/api/partner/audit.csv')).body).slice(1);
    expect(rows.some((row) => row[5] === order.orderNumber)).toBe(false);
  });

  it('reads every entry once in batches, entries of the same instant included', async () => {
    const read: number[] = [];
    for await (const batch of partnerAuditBatches(t.db, partner.id, {}, 2))
      read.push(...batch.map((e) => e.id));
    const page = (await admin.get('/api/partner/audit?pageSize=100')).json();
    expect(read).toEqual(page.items.map((e: { id: number }) => e.id));
    expect(new Set(read).size).toBe(read.length);
  });
});
