// Quote list and search latency at volume: `npm run bench` (PGlite in memory) or
// `DATABASE_URL=postgres://… npm run bench`. BENCH_QUOTES sets the volume (default 200,000 quotes
// spread over 50 partners, a quarter of them for the partner that searches).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createTestCustomer, createTestPartner, openAccount } from '../server/test/factories.ts';
import { startTestApp } from '../server/test/harness.ts';
import { BENCH_BILLING_ADDRESS } from './bench-address.ts';
import { unlimitedConnection } from './bulk-load.ts';

const total = Number(process.env.BENCH_QUOTES ?? 200_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);

const t = await startTestApp();
try {
  const partner = await createTestPartner(t.db, t.app);
  const session = await partner.loginAs('sales');
  const customers = [];
  for (let i = 0; i < 20; i++)
    customers.push(await createTestCustomer(t.db, { name: `Bench Customer ${i}` }));
  const others = [];
  for (let i = 0; i < 49; i++) others.push((await createTestPartner(t.db, t.app)).id);

  // One real quote through the API; the volume is cloned from it in bulk (the rules are not what is measured).
  const first = customers[0] as (typeof customers)[number];
  await openAccount(session, first);
  await session.post(`/api/customers/${first.customerId}/cart/lines`, {
    productCode: 'II',
    quantity: 2,
    termYears: 1,
  });
  const made = await session.post('/api/quotes', {
    customerId: first.customerId,
    billingAddress: BENCH_BILLING_ADDRESS,
    endUser: { name: 'Bench User', email: 'bench.user@customer.test' },
  });
  if (made.statusCode !== 201) throw new Error(`seed quote failed: ${made.body}`);

  const loadStart = performance.now();
  const partnerIds = sql.raw(`array['${[partner.id, ...others].join("','")}']::uuid[]`);
  // The bulk load and the vacuum run far longer than a request may (statement_timeout): lift the
  // limit for this one connection's work. PGlite has one connection; PostgreSQL gets its own.
  const bulk = await unlimitedConnection(t.database);
  await bulk.run(sql`
    insert into quotes (quote_number, origin, partner_id, customer_account_id, created_by_user_id, status, currency,
      discount_bps, billing_address, document, end_user_name, end_user_email, po_number, list_total_minor,
      discount_total_minor, total_minor, valid_until, created_at)
    select 'Q-' || (2020 + g % 5) || '-' || lpad((g / 5)::text, 6, '0'), 'reseller',
      case when g % 4 = 0 then ${partner.id}::uuid else (${partnerIds})[1 + (g % 49) + 1] end,
      (select id from customer_accounts order by customer_id offset ((g / 4) % 20) limit 1),
      q.created_by_user_id, 'open', 'USD', q.discount_bps, q.billing_address, q.document, 'User ' || g,
      'user' || g || '@customer' || (g % 500) || '.test', case when g % 3 = 0 then 'PO-' || g end,
      q.list_total_minor, q.discount_total_minor, q.total_minor, q.valid_until,
      now() - (g % 730) * interval '1 day'
    from generate_series(1, ${total}) g, (select * from quotes limit 1) q`);
  // Steady state: autovacuum would have run on a live system (index-only scans need the visibility map).
  await bulk.run(sql`vacuum analyze quotes`);
  await bulk.close();
  const loadMs = performance.now() - loadStart;

  const cases: [string, string][] = [
    ['first page, no filter', '/api/quotes'],
    ['page 50', '/api/quotes?page=50'],
    ['quote number', '/api/quotes?q=Q-2024-000400'],
    ['customer name', '/api/quotes?q=Bench%20Customer%207'],
    ['end-user email (exact)', '/api/quotes?q=user1236%40customer236.test'],
    ['email (contains)', '/api/quotes?q=user1236%40customer'],
    ['date range (30 days)', '/api/quotes?from=2026-10-01&to=2026-10-31'],
  ];
  console.log(
    `quotes: ${total + 1} (${Math.round(total / 4)} for the searching partner); bulk load ${Math.round(loadMs)} ms; database ${t.database.kind}`,
  );
  console.log('case'.padEnd(26), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'matches'.padStart(9));
  for (const [name, url] of cases) {
    const times: number[] = [];
    let matches = 0;
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      const res = await session.get(url);
      times.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      matches = res.json().total;
    }
    times.sort((a, b) => a - b);
    const at = (p: number) =>
      (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
    console.log(name.padEnd(26), at(0.5).padStart(8), at(0.95).padStart(8), String(matches).padStart(9));
  }
} finally {
  await t.close();
}
