import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotes } from '../../db/schema/index.ts';
import { parseCsv } from '../../test/csv.ts';
import { createTestCustomer, createTestPartner, quoteFor, quoteInput } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { quoteSummaryBatches } from './quotes.queries.ts';

let t: TestApp;
let partner: Awaited<ReturnType<typeof createTestPartner>>;
let session: TestSession;
const made: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app);
  session = await partner.loginAs('sales');
  const initech = await createTestCustomer(t.db, { name: 'Initech, "Software" Division' });
  const hooli = await createTestCustomer(t.db, { name: 'Hooli' });
  for (const [customer, po] of [
    [initech, 'PO-1, rush'],
    [hooli, '=HYPERLINK("http://evil.test")'],
    [initech, 'PO-3'],
    [hooli, 'PO-4'],
    [initech, 'PO-5'],
  ] as const) {
    made.push((await quoteFor(session, customer, quoteInput({ poNumber: po }))).quoteNumber);
  }
}, 120_000);
afterAll(() => t.close());

async function csvOf(url: string, as: TestSession = session) {
  const res = await as.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return { res, rows: parseCsv(res.body) };
}

describe('GET /api/quotes.csv', () => {
  it('downloads every quote of the list, in its order, with the figures the list shows', async () => {
    const { res, rows } = await csvOf('/api/quotes.csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="quotes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...body] = rows;
    expect(header).toEqual([
      'Quote number',
      'Created',
      'Customer ID',
      'Customer',
      'Country',
      'End user email',
      'PO number',
      'Status',
      'Valid until',
      'Currency',
      'Total',
    ]);
    const list = (await session.get('/api/quotes?pageSize=100')).json();
    expect(body.map((row) => row[0])).toEqual(list.items.map((q: { quoteNumber: string }) => q.quoteNumber));
    expect(body).toHaveLength(made.length);
    const first = list.items[0];
    expect(body[0]).toEqual([
      first.quoteNumber,
      first.createdAt.slice(0, 10),
      first.customer.customerId,
      first.customer.name,
      first.customer.country,
      first.endUserEmail,
      first.poNumber,
      'Open',
      first.validUntil,
      'USD',
      (first.totalMinor / 100).toFixed(2),
    ]);
    // A name with a comma and quotes comes back whole; a formula is written as text.
    expect(body.map((row) => row[3])).toContain('Initech, "Software" Division');
    expect(body.map((row) => row[6])).toContain(`'=HYPERLINK("http://evil.test")`);
    expect(body.map((row) => row[6])).toContain('PO-1, rush');
  });

  it('takes the list filters: a search, a status, a date range', async () => {
    const hooli = (await csvOf('/api/quotes.csv?q=hooli')).rows.slice(1);
    expect(hooli).toHaveLength(2);
    expect(new Set(hooli.map((row) => row[3]))).toEqual(new Set(['Hooli']));
    const cancelled = made[2] as string;
    expect((await session.post(`/api/quotes/${cancelled}/cancel`)).statusCode).toBe(200);
    const rows = (await csvOf('/api/quotes.csv?status=cancelled')).rows.slice(1);
    expect(rows.map((row) => [row[0], row[7]])).toEqual([[cancelled, 'Cancelled']]);
    expect((await csvOf('/api/quotes.csv?from=2020-01-01&to=2020-12-31')).rows).toHaveLength(1);
  });

  it('writes the header and statuses in the user’s language', async () => {
    const brazilian = await partner.loginAs('admin');
    expect((await brazilian.put('/api/auth/me/locale', { locale: 'pt-BR' })).statusCode).toBe(204);
    const { rows } = await csvOf('/api/quotes.csv?status=open', brazilian);
    expect(rows[0]?.slice(0, 2)).toEqual(['Número do orçamento', 'Criado em']);
    expect(new Set(rows.slice(1).map((row) => row[7]))).toEqual(new Set(['Aberto']));
  });

  it('holds only this partner’s quotes', async () => {
    const other = await createTestPartner(t.db, t.app);
    const { rows } = await csvOf('/api/quotes.csv', await other.loginAs('sales'));
    expect(rows).toHaveLength(1);
  });

  it('refuses a bad filter with a 400 before any file', async () => {
    const res = await session.get('/api/quotes.csv?from=2026-02-01&to=2026-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.date_order');
    expect((await session.get('/api/quotes.csv?page=2')).statusCode).toBe(400);
  });
});

describe('the quotes read in batches after the last one read', () => {
  it('reads every quote once, in the list’s order, even when many share the same instant', async () => {
    // Three quotes made in the same microsecond: the quote number keeps their order and the batches apart.
    const sameInstant = new Date('2026-06-01T12:00:00.123456Z');
    await t.db
      .update(quotes)
      .set({ createdAt: sameInstant })
      .where(inArray(quotes.quoteNumber, made.slice(1, 4)));
    const list = (await session.get('/api/quotes?pageSize=100')).json();
    const read: string[] = [];
    let batches = 0;
    for await (const batch of quoteSummaryBatches(t.db, { partnerId: partner.id, today: '2026-12-07' }, 2)) {
      batches += 1;
      expect(batch.length).toBeLessThanOrEqual(2);
      read.push(...batch.map((row) => row.quoteNumber));
    }
    expect(read).toEqual(list.items.map((q: { quoteNumber: string }) => q.quoteNumber));
    expect(batches).toBe(3);
  });
});
