// HTTP throughput of the real app, logged in, through its real routes, in the two deployment shapes
// of issue 19: (1) one app process on one PostgreSQL database; (2) two app processes behind HAProxy
// (Debian's haproxy) with a streaming-replication standby serving list pages and searches
// (DATABASE_READ_URL; scripts/start-standby.sh, started here if none runs and stopped again). Each
// route is compared with the app's own `select 1` route (GET /api/health, one `select 1` on the
// primary) measured just before it in the same shape, so that a machine that speeds up or slows
// down during the run moves both: by req/s, and by CPU per request (the app processes and every
// PostgreSQL process, from /proc). PGlite runs briefly too. DATABASE_URL names the server; fresh
// databases are created and dropped.
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) set the load; CI uses 1 second.
// BENCH_APP_DIR runs the app of another checkout (its own node_modules) to compare two commits;
// BENCH_APP_FLAGS replaces the Node flags `npm start` gives the app. BENCH_ONLY keeps the routes
// whose name contains it (e.g. `BENCH_ONLY=audit`; the `select 1` route is measured anyway).
// BENCH_SHAPES=1 or =2 runs one shape only.

import { BENCH_BILLING_ADDRESS } from './bench-address.ts';
import { startDemoApp } from './demo-app.ts';
import {
  connections,
  cpuTimesReference,
  json,
  login,
  measureAgainst,
  postgresReachable,
  printTable,
  type Row,
  seconds,
  serverUrl,
  shownUrl,
  timesReference,
  type Watched,
} from './http-measure.ts';
import { APP_NODE_FLAGS } from './processes.ts';
import { type Shape, startOneProcess, startTwoProcesses } from './shapes.ts';
import { startStandby } from './standby.ts';

const appDir = process.env.BENCH_APP_DIR;
const appFlags = process.env.BENCH_APP_FLAGS?.split(' ').filter(Boolean) ?? APP_NODE_FLAGS;
const only = process.env.BENCH_ONLY ?? '';
const shapes = process.env.BENCH_SHAPES ?? '12';

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

/** Issue 19's targets, against the `select 1` route: logged-in reads and lists/searches. */
const READ_TARGET = 0.8;
const LIST_TARGET = 0.5;

interface Route {
  name: string;
  path: string;
  headers: Record<string, string>;
  /** The route reads from the standby when there is one (`reads: 'standby'`). */
  standby?: boolean;
  target?: number;
}

const SELECT_1 = '/api/health';

function routesOf(session: Awaited<ReturnType<typeof prepare>>): Route[] {
  const { cookie, staffCookie, adminCookie, quoteNumber, orderNumber } = session;
  const read = { headers: { cookie }, target: READ_TARGET };
  const list = (headers: Record<string, string>) => ({ headers, standby: true, target: LIST_TARGET });
  const routes: Route[] = [
    { name: 'GET /api/health (select 1)', path: SELECT_1, headers: {} },
    { name: 'GET /api/auth/me', path: '/api/auth/me', ...read },
    { name: 'GET /api/quotes/{quoteNumber}', path: `/api/quotes/${quoteNumber}`, ...read },
    { name: 'GET /api/customers/{customerId}/cart', path: '/api/customers/6703615/cart', ...read },
    { name: 'GET /api/orders/{orderNumber}', path: `/api/orders/${orderNumber}`, ...read },
    { name: 'GET /api/partner/profile', path: '/api/partner/profile', ...read },
    {
      name: 'GET /api/customers/{customerId}/packs-and-teams',
      path: '/api/customers/6703615/packs-and-teams',
      headers: { cookie },
    },
    { name: 'GET /api/customers/recent', path: '/api/customers/recent', headers: { cookie } },
    { name: 'GET /api/quotes (first page)', path: '/api/quotes', ...list({ cookie }) },
    { name: 'GET /api/quotes?q=acme', path: '/api/quotes?q=acme', ...list({ cookie }) },
    { name: 'GET /api/quotes?status=open', path: '/api/quotes?status=open', ...list({ cookie }) },
    { name: 'GET /api/orders (first page)', path: '/api/orders', ...list({ cookie }) },
    { name: 'GET /api/orders?q=acme', path: '/api/orders?q=acme', ...list({ cookie }) },
    { name: 'GET /api/invoices (first page)', path: '/api/invoices', ...list({ cookie: adminCookie }) },
    { name: 'GET /api/payment-methods', path: '/api/payment-methods', headers: { cookie } },
    { name: 'GET /api/dev/mailbox', path: '/api/dev/mailbox', headers: { cookie } },
    { name: 'GET /api/admin/partners', path: '/api/admin/partners', headers: { cookie: staffCookie } },
    {
      name: 'GET /api/partner/audit (first page)',
      path: '/api/partner/audit',
      headers: { cookie: adminCookie },
      standby: true,
    },
    {
      name: 'GET /api/partner/audit?action=order.',
      path: '/api/partner/audit?action=order.',
      headers: { cookie: adminCookie },
      standby: true,
    },
  ];
  return routes.filter((route) => route.path === SELECT_1 || route.name.includes(only));
}

interface Measured {
  title: string;
  rows: (Row & { route: Route })[];
  cpu: boolean;
  standby: boolean;
}

/** Every route of one shape, each against the `select 1` route measured just before it. */
async function benchShape(title: string, shape: Shape, duration: number, cpu: boolean): Promise<Measured> {
  try {
    const { base, watched } = shape;
    const session = await prepare(base);
    // The sessions wrote while preparing: once the standby has replayed that, they read from it.
    await shape.settle();
    const rows: Measured['rows'] = [];
    for (const route of routesOf(session)) {
      const row = await measureAgainst(
        route.name,
        `${base}${route.path}`,
        watched,
        duration,
        `${base}${SELECT_1}`,
        { headers: route.headers },
        watched,
      );
      rows.push({ ...row, route });
    }
    return { title, rows, cpu, standby: watched.standbyPid !== undefined };
  } finally {
    await shape.stop();
  }
}

/**
 * With a standby, the routes that read from it must show its CPU: at least a third of what
 * PostgreSQL spent on them (the session check stays on the primary), and the others next to none.
 */
function standbyMisses(measured: Measured): string[] {
  if (!measured.standby) return [];
  return measured.rows
    .filter(({ route, standbyCpuUs, postgresCpuUs }) =>
      route.standby ? (standbyCpuUs ?? 0) * 3 < (postgresCpuUs ?? 0) : false,
    )
    .map(
      ({ name, standbyCpuUs, postgresCpuUs }) =>
        `${name} (standby ${standbyCpuUs} of ${postgresCpuUs} µs/req)`,
    );
}

function printTargets(measured: Measured): void {
  const judged = measured.rows.filter((row) => row.route.target !== undefined);
  const verdict = (row: Measured['rows'][number]) => {
    const target = row.route.target as number;
    const cpu = cpuTimesReference(row);
    return `${row.name}: ${timesReference(row).toFixed(2)}× by req/s${cpu === null ? '' : `, ${cpu.toFixed(2)}× by CPU`} (target ${target})`;
  };
  const met = judged.filter((row) => timesReference(row) >= (row.route.target as number));
  console.log(`targets by req/s: ${met.length} of ${judged.length} routes meet theirs`);
  for (const row of judged) console.log(`  ${met.includes(row) ? 'met   ' : 'missed'} ${verdict(row)}`);
}

const results: Measured[] = [];
const problems: string[] = [];
const appOptions = { flags: appFlags, appDir };
const pgliteSeconds = Math.max(1, Math.round(seconds / 3));
if (!(await postgresReachable(serverUrl))) {
  console.log(`PostgreSQL at ${shownUrl(serverUrl)} is not reachable: both shapes skipped.`);
} else {
  if (shapes.includes('1')) {
    results.push(
      await benchShape(
        'Shape 1: one app process, one PostgreSQL database',
        await startOneProcess(appOptions),
        seconds,
        true,
      ),
    );
  }
  if (shapes.includes('2')) {
    const standby = await startStandby(serverUrl);
    if ('unavailable' in standby) {
      console.log(`\nShape 2 (two processes, HAProxy, standby) skipped: no standby. ${standby.unavailable}`);
    } else {
      try {
        results.push(
          await benchShape(
            'Shape 2: two app processes behind HAProxy, list pages and searches on a streaming-replication standby',
            await startTwoProcesses(serverUrl, standby, appOptions),
            seconds,
            true,
          ),
        );
      } finally {
        await standby.stop();
      }
    }
  }
}
const pglite = await startDemoApp('pglite', appOptions);
const pgliteWatched: Watched = { appPids: pglite.pid ? [pglite.pid] : [] };
results.push(
  await benchShape(
    `PGlite (the database in the app process), ${pgliteSeconds} s per route`,
    { base: pglite.base, watched: pgliteWatched, settle: async () => {}, stop: pglite.stop },
    pgliteSeconds,
    false,
  ),
);

console.log(
  `\nHTTP, ${connections} connections, ${seconds} s per route, the select 1 route (GET /api/health) measured before each route in the same shape; Node ${process.version}`,
);
for (const measured of results) {
  printTable(measured.title, measured.rows, {
    cpu: measured.cpu,
    standby: measured.standby,
    reference: 'select 1',
  });
  if (measured.cpu) printTargets(measured);
  const misses = standbyMisses(measured);
  if (misses.length > 0) problems.push(`read the primary, not the standby: ${misses.join('; ')}`);
}
if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
