// Quote list and search latency at volume: `npm run bench` (PGlite in memory) or
// `DATABASE_URL=postgres://… npm run bench`. BENCH_QUOTES sets the volume (default 200,000 quotes
// spread over 50 partners, a quarter of them for the partner that searches).
// Loading a million quotes takes minutes: on PostgreSQL, BENCH_KEEP=1 keeps the database after the
// run (its URL is printed), and BENCH_DATABASE=<that URL> measures it again without loading (the
// pending migrations are applied first, so a new index is measured on the same rows).
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.ts';
import { partnerUsers, quotes } from '../server/db/schema/index.ts';
import {
  createTestCustomer,
  createTestPartner,
  openAccount,
  TEST_PASSWORD,
} from '../server/test/factories.ts';
import { startTestApp, type TestApp } from '../server/test/harness.ts';
import { login, type TestSession } from '../server/test/session.ts';
import { BENCH_BILLING_ADDRESS } from './bench-address.ts';
import { unlimitedConnection } from './bulk-load.ts';

const total = Number(process.env.BENCH_QUOTES ?? 200_000);
// 100 rounds: the p99 is then the second slowest request, not the slowest.
const rounds = Number(process.env.BENCH_ROUNDS ?? 100);
const reuseUrl = process.env.BENCH_DATABASE;
const keep = process.env.BENCH_KEEP === '1';

/** Seeds the partners, the customers and a million quotes; the searching partner's session. */
async function load(t: TestApp): Promise<{ session: TestSession; loadMs: number }> {
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
  return { session, loadMs: performance.now() - loadStart };
}

/** The loaded database of an earlier run: its searching partner holds the most quotes. */
async function reuse(t: TestApp): Promise<TestSession> {
  const searching = t.db
    .select({ partnerId: quotes.partnerId })
    .from(quotes)
    .groupBy(quotes.partnerId)
    .orderBy(desc(count()))
    .limit(1);
  const [user] = await t.db
    .select({ email: partnerUsers.email })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.role, 'sales'), eq(partnerUsers.partnerId, searching)));
  const email = user?.email;
  if (!email) throw new Error(`${reuseUrl}: no loaded quotes`);
  return login(t.app, email, TEST_PASSWORD);
}

async function start(): Promise<TestApp> {
  if (!reuseUrl) return startTestApp();
  const database = await openDatabase({ databaseUrl: reuseUrl, dataDir: '' });
  await database.migrate();
  return startTestApp({ database: { ...database, url: reuseUrl } });
}

/**
 * The searching partner's whole list as CSV over real HTTP (a stream, as a browser downloads it):
 * its time, rows a second, and the heap left after a collection at its peak while it ran (the app
 * and this client share the process; the client keeps only a byte count).
 */
async function measureExport(session: TestSession): Promise<void> {
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  let peak = 0;
  let bytes = 0;
  let rows = 0;
  const started = performance.now();
  const res = await fetch(`${address}/api/quotes.csv`, {
    headers: { cookie: `pp_session=${session.cookie}` },
  });
  if (res.status !== 200 || !res.body) throw new Error(`/api/quotes.csv: ${res.status}`);
  let chunks = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) rows += 1;
    chunks += 1;
    if (chunks % 50 === 0) peak = Math.max(peak, heap() - before);
  }
  const ms = performance.now() - started;
  console.log(
    `export GET /api/quotes.csv: ${rows - 1} quotes, ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(ms)} ms ` +
      `(${Math.round(((rows - 1) * 1000) / ms)} rows/s); heap held at its peak ${(peak / 1e6).toFixed(1)} MB`,
  );
}

const t = await start();
try {
  const { session, loadMs } = reuseUrl ? { session: await reuse(t), loadMs: 0 } : await load(t);

  const cases: [string, string][] = [
    ['first page, no filter', '/api/quotes'],
    ['page 50', '/api/quotes?page=50'],
    ['quote number', '/api/quotes?q=Q-2024-000400'],
    ['customer name', '/api/quotes?q=Bench%20Customer%207'],
    ['end-user email (exact)', '/api/quotes?q=user1236%40customer236.test'],
    ['email (contains)', '/api/quotes?q=user1236%40customer'],
    ['email domain (@…)', '/api/quotes?q=%40customer236.test'],
    ['email (contains, no @)', '/api/quotes?q=user1236'],
    ['date range (30 days)', '/api/quotes?from=2026-10-01&to=2026-10-31'],
  ];
  console.log(
    reuseUrl
      ? `quotes: as loaded in ${reuseUrl}`
      : `quotes: ${total + 1} (${Math.round(total / 4)} for the searching partner); bulk load ${Math.round(loadMs)} ms; database ${t.database.kind}`,
  );
  console.log(
    'case'.padEnd(26),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'matches'.padStart(9),
  );
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
    console.log(
      name.padEnd(26),
      at(0.5).padStart(8),
      at(0.95).padStart(8),
      at(0.99).padStart(8),
      String(matches).padStart(9),
    );
  }
  await measureExport(session);
} finally {
  if (keep && t.database.url && !reuseUrl) {
    // The connections end with the process; closing the app would drop its scratch database.
    console.log(`kept: BENCH_DATABASE=${t.database.url}`);
    process.exit(0);
  } else await t.close();
}
