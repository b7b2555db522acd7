// HTTP throughput of the real app, logged in, through its real routes, against a bare Fastify route
// (the ceiling on this machine) measured just before each route, so that a machine that speeds up
// or slows down during the run moves both. `npm run bench` runs it on PostgreSQL (DATABASE_URL names
// the server; a fresh database is created and dropped) and briefly on PGlite.
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) set the load; CI uses 1 second.
// BENCH_APP_DIR runs the app of another checkout (its own node_modules) to compare two commits;
// BENCH_APP_FLAGS replaces the Node flags `npm start` gives the app. BENCH_ONLY keeps the routes
// whose name contains it (e.g. `BENCH_ONLY=audit`).

import { BENCH_BILLING_ADDRESS } from './bench-address.ts';
import { startDemoApp } from './demo-app.ts';
import {
  connections,
  json,
  login,
  measureAgainstCeiling,
  postgresReachable,
  printTable,
  type Row,
  seconds,
  serverUrl,
  shownUrl,
  startCeiling,
} from './http-measure.ts';
import { APP_NODE_FLAGS } from './processes.ts';

const appDir = process.env.BENCH_APP_DIR;
const appFlags = process.env.BENCH_APP_FLAGS?.split(' ').filter(Boolean) ?? APP_NODE_FLAGS;
const only = process.env.BENCH_ONLY ?? '';

/** Logs in as the demo sales user and makes one quote, as the web app would. */
async function prepare(base: string) {
  const { cookie, headers } = await login(base, 'sales@demo-reseller.test', 'demo-pass-2026');
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then(json);
  await post('/api/customers/open', {
    identifier: { kind: 'customerId', value: '6703615' },
    email: 'it@acme.test',
  });
  await post('/api/customers/6703615/cart/lines', { productCode: 'II', quantity: 2, termYears: 1 });
  await post('/api/customers/6703615/cart/lines', {
    productCode: 'YTC',
    quantity: 25,
    termYears: 1,
    serviceDomain: 'bench.youtrack.cloud',
  });
  const quote = await post('/api/quotes', {
    customerId: '6703615',
    billingAddress: BENCH_BILLING_ADDRESS,
    endUser: { name: 'Bench User', email: 'bench.user@acme.test' },
  });
  // An order (its own quote, paid by a sandbox card), for GET order.
  await post('/api/customers/6703615/cart/lines', { productCode: 'GO', quantity: 1, termYears: 1 });
  const ordered = await post('/api/quotes', {
    customerId: '6703615',
    billingAddress: BENCH_BILLING_ADDRESS,
    endUser: { name: 'Bench User', email: 'bench.user@acme.test' },
  });
  const card = await fetch(`${base}/sandbox-pay/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ number: '4242424242424242', expMonth: '12', expYear: '2035', cvc: '123' }),
  }).then(json);
  const order = await post('/api/orders', {
    quoteNumber: ordered.quoteNumber,
    payment: { method: 'card', token: card.token },
  });
  // A cart with a line again, for GET cart.
  await post('/api/customers/6703615/cart/lines', { productCode: 'WS', quantity: 3, termYears: 2 });
  // The vendor's back office: the demo staff member's session, for the partner list.
  const staff = await login(base, 'staff@vendor.test', 'demo-pass-2026', '/api/admin/auth/login');
  // The partner's admin, for the audit log: its entries resolved to names by joins (issue 18).
  const admin = await login(base, 'admin@demo-reseller.test', 'demo-pass-2026');
  return {
    cookie,
    staffCookie: staff.cookie,
    adminCookie: admin.cookie,
    quoteNumber: quote.quoteNumber as string,
    orderNumber: order.orderNumber as string,
  };
}

async function benchDatabase(kind: 'postgres' | 'pglite', duration: number, bareUrl: string): Promise<Row[]> {
  const app = await startDemoApp(kind, { flags: appFlags, appDir });
  const { base } = app;
  try {
    const { cookie, staffCookie, adminCookie, quoteNumber, orderNumber } = await prepare(base);
    const routes: [string, string, Record<string, string>][] = [
      ['GET /api/health', '/api/health', {}],
      ['GET /api/auth/me', '/api/auth/me', { cookie }],
      ['GET /api/quotes/{quoteNumber}', `/api/quotes/${quoteNumber}`, { cookie }],
      ['GET /api/customers/{customerId}/cart', '/api/customers/6703615/cart', { cookie }],
      [
        'GET /api/customers/{customerId}/packs-and-teams',
        '/api/customers/6703615/packs-and-teams',
        { cookie },
      ],
      ['GET /api/customers/recent', '/api/customers/recent', { cookie }],
      ['GET /api/quotes (first page)', '/api/quotes', { cookie }],
      ['GET /api/quotes?q=acme', '/api/quotes?q=acme', { cookie }],
      ['GET /api/quotes?status=open', '/api/quotes?status=open', { cookie }],
      ['GET /api/orders/{orderNumber}', `/api/orders/${orderNumber}`, { cookie }],
      ['GET /api/partner/profile', '/api/partner/profile', { cookie }],
      ['GET /api/payment-methods', '/api/payment-methods', { cookie }],
      ['GET /api/dev/mailbox', '/api/dev/mailbox', { cookie }],
      ['GET /api/admin/partners', '/api/admin/partners', { cookie: staffCookie }],
      ['GET /api/partner/audit (first page)', '/api/partner/audit', { cookie: adminCookie }],
      ['GET /api/partner/audit?action=order.', '/api/partner/audit?action=order.', { cookie: adminCookie }],
    ];
    const rows: Row[] = [];
    for (const [name, path, headers] of routes.filter(([name]) => name.includes(only))) {
      rows.push(
        await measureAgainstCeiling(`${kind}: ${name}`, `${base}${path}`, app.pid, duration, bareUrl, {
          headers,
        }),
      );
    }
    return rows;
  } finally {
    await app.stop();
  }
}

const ceiling = await startCeiling();
const rows: Row[] = [];
try {
  if (await postgresReachable(serverUrl))
    rows.push(...(await benchDatabase('postgres', seconds, ceiling.url)));
  else console.log(`PostgreSQL at ${shownUrl(serverUrl)} is not reachable: skipped.`);
  rows.push(...(await benchDatabase('pglite', Math.max(1, Math.round(seconds / 3)), ceiling.url)));
} finally {
  await ceiling.stop();
}

printTable(
  `HTTP, ${connections} connections, ${seconds} s per route (PGlite ${Math.max(1, Math.round(seconds / 3))} s), the ceiling measured before each route; Node ${process.version}`,
  rows,
);
