// HTTP throughput of the real app, logged in, through its real routes, against a bare Fastify route
// (the ceiling on this machine) measured just before each route, so that a machine that speeds up
// or slows down during the run moves both. `npm run bench` runs it on PostgreSQL (DATABASE_URL names
// the server; a fresh database is created and dropped) and briefly on PGlite.
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) set the load; CI uses 1 second.
// BENCH_APP_DIR runs the app of another checkout (its own node_modules) to compare two commits;
// BENCH_APP_FLAGS replaces the Node flags `npm start` gives the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createScratchDatabase } from '../server/test/database.ts';
import { APP_NODE_FLAGS, freePort, rssMb, startNode, stop } from './processes.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const appDir = process.env.BENCH_APP_DIR;
const appFlags = process.env.BENCH_APP_FLAGS?.split(' ').filter(Boolean) ?? APP_NODE_FLAGS;

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  maxRssMb: number | null;
}

interface Row extends Measured {
  name: string;
  ceiling: number;
}

/** Drives `url` for `duration` seconds, sampling the serving process's RSS meanwhile. */
async function measure(
  url: string,
  pid: number | undefined,
  duration: number,
  headers: Record<string, string> = {},
): Promise<Measured> {
  let maxRss: number | null = null;
  const sampler = setInterval(() => {
    const rss = pid ? rssMb(pid) : null;
    if (rss !== null) maxRss = Math.max(maxRss ?? 0, rss);
  }, 100);
  const result = await autocannon({ url, connections, duration, headers });
  clearInterval(sampler);
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${url}: ${failed} of ${result.requests.total} requests failed`);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    maxRssMb: maxRss,
  };
}

async function json(res: Response) {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Logs in as the demo sales user and makes one quote, as the web app would. */
async function prepare(base: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sales@demo-reseller.test', password: 'demo-pass-2026' }),
  });
  const session = await json(login);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const headers = { cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken };
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
    serviceDomain: 'acme.youtrack.cloud',
  });
  const quote = await post('/api/quotes', {
    customerId: '6703615',
    billingAddress: { companyName: 'Bench', addressLine1: '1 St', city: 'X', postalCode: '1', country: 'US' },
    endUser: { name: 'Bench User', email: 'bench.user@acme.test' },
  });
  // A cart with a line again, for GET cart.
  await post('/api/customers/6703615/cart/lines', { productCode: 'WS', quantity: 3, termYears: 2 });
  // The vendor's back office: the demo staff member's session, for the partner list.
  const staffLogin = await fetch(`${base}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'staff@vendor.test', password: 'demo-pass-2026' }),
  });
  await json(staffLogin);
  const staffCookie = staffLogin.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, staffCookie, quoteNumber: quote.quoteNumber as string };
}

async function benchDatabase(kind: 'postgres' | 'pglite', duration: number, bareUrl: string): Promise<Row[]> {
  // Production's answer path (no contract check of each answer), with the demo data to log in with.
  const env: Record<string, string> = { DEMO_DATA: 'true', LOG_LEVEL: 'warn', CHECK_RESPONSES: 'false' };
  let cleanup = async () => {};
  if (kind === 'postgres') {
    const scratch = await createScratchDatabase(serverUrl, 'pp_bench');
    env.DATABASE_URL = scratch.url;
    cleanup = scratch.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'pp-bench-'));
    env.DATA_DIR = dir;
    env.DATABASE_URL = '';
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startNode(
    'server/main.ts',
    { ...env, PORT: String(port) },
    `${base}/api/health`,
    appFlags,
    appDir,
  );
  try {
    const { cookie, staffCookie, quoteNumber } = await prepare(base);
    const routes: [string, string, Record<string, string>][] = [
      ['GET /api/health', '/api/health', {}],
      ['GET /api/auth/me', '/api/auth/me', { cookie }],
      ['GET /api/quotes/{quoteNumber}', `/api/quotes/${quoteNumber}`, { cookie }],
      ['GET /api/customers/{customerId}/cart', '/api/customers/6703615/cart', { cookie }],
      ['GET /api/quotes (first page)', '/api/quotes', { cookie }],
      ['GET /api/quotes?q=acme', '/api/quotes?q=acme', { cookie }],
      ['GET /api/admin/partners', '/api/admin/partners', { cookie: staffCookie }],
    ];
    const rows: Row[] = [];
    for (const [name, path, headers] of routes) {
      // Warm up (JIT, prepared statements, connections), then the ceiling, then the route.
      await measure(`${base}${path}`, undefined, 1, headers);
      const ceiling = await measure(bareUrl, undefined, Math.max(1, Math.round(duration / 2)));
      const measured = await measure(`${base}${path}`, app.pid, duration, headers);
      rows.push({ name: `${kind}: ${name}`, ceiling: ceiling.requestsPerSecond, ...measured });
    }
    return rows;
  } finally {
    await stop(app);
    await cleanup();
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const barePort = await freePort();
const bareUrl = `http://127.0.0.1:${barePort}/bare`;
const bare = await startNode('bench/bare-server.ts', { PORT: String(barePort) }, bareUrl);
const rows: Row[] = [];
try {
  await measure(bareUrl, undefined, 2); // warm-up: the first seconds of a fresh process run slower
  if (await postgresReachable()) rows.push(...(await benchDatabase('postgres', seconds, bareUrl)));
  else console.log(`PostgreSQL at ${serverUrl.replace(/:[^:@/]+@/, ':***@')} is not reachable: skipped.`);
  rows.push(...(await benchDatabase('pglite', Math.max(1, Math.round(seconds / 3)), bareUrl)));
} finally {
  await stop(bare);
}

console.log(
  `\nHTTP, ${connections} connections, ${seconds} s per route (PGlite ${Math.max(1, Math.round(seconds / 3))} s), the ceiling measured before each route; Node ${process.version}`,
);
console.log(
  'route'.padEnd(44),
  'req/s'.padStart(7),
  'p50 ms'.padStart(7),
  'p99 ms'.padStart(7),
  'ceiling'.padStart(8),
  '× ceiling'.padStart(10),
  'RSS MB'.padStart(7),
);
for (const row of rows) {
  console.log(
    row.name.padEnd(44),
    String(row.requestsPerSecond).padStart(7),
    String(row.p50).padStart(7),
    String(row.p99).padStart(7),
    String(row.ceiling).padStart(8),
    (row.requestsPerSecond / row.ceiling).toFixed(3).padStart(10),
    String(row.maxRssMb ?? '-').padStart(7),
  );
}
