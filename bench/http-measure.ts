// What the HTTP benches share: autocannon against a route, the bare-Fastify ceiling measured before
// each route, logging in, and the table they print. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS
// (default 50) set the load.
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, rssMb, startNode, stop } from './processes.ts';

export const seconds = Number(process.env.BENCH_SECONDS ?? 10);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  maxRssMb: number | null;
  /** CPU time per request of the serving process and of all PostgreSQL processes, in µs (Linux). */
  appCpuUs: number | null;
  postgresCpuUs: number | null;
}

export interface Row extends Measured {
  name: string;
  ceiling: number;
}

/** How a route is driven: GET with no body unless told otherwise. */
export interface Load {
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  /** The status every answer must have; by default any 2xx. */
  expectStatus?: number;
  /** Called once per connection (e.g. to give each connection its own session). */
  setupClient?: (client: autocannon.Client) => void;
  /** Called before each request (e.g. to ask for another row each time). */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
}

/** User and system CPU time of a process in µs, from /proc (Linux; 100 ticks a second), or null. */
export function cpuMicros(pid: number | string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/** CPU time of every process named `postgres` on this machine (the server and its backends), in µs. */
export function postgresCpuMicros(): number | null {
  let total = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(pid)) continue;
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMicros(pid) ?? 0;
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return null;
  }
  return total > 0 ? total : null;
}

/** Drives `url` for `duration` seconds, sampling the serving process's RSS meanwhile. */
export async function measure(
  url: string,
  pid: number | undefined,
  duration: number,
  load: Load = {},
): Promise<Measured> {
  let maxRss: number | null = null;
  const sampler = setInterval(() => {
    const rss = pid ? rssMb(pid) : null;
    if (rss !== null) maxRss = Math.max(maxRss ?? 0, rss);
  }, 100);
  const { expectStatus, setupRequest, ...request } = load;
  const appCpuBefore = pid ? cpuMicros(pid) : null;
  const postgresCpuBefore = pid ? postgresCpuMicros() : null;
  const result = await autocannon({
    url,
    connections,
    duration,
    ...request,
    ...(setupRequest ? { requests: [{ setupRequest }] } : {}),
  });
  clearInterval(sampler);
  const appCpuAfter = pid ? cpuMicros(pid) : null;
  const postgresCpuAfter = pid ? postgresCpuMicros() : null;
  const perRequest = (before: number | null, after: number | null) =>
    before === null || after === null || result.requests.total === 0
      ? null
      : Math.round((after - before) / result.requests.total);
  const statusCounts = Object.entries(result.statusCodeStats ?? {}).map(
    ([status, stats]) => [Number(status), stats.count ?? 0] as const,
  );
  const unexpected =
    expectStatus === undefined
      ? result.non2xx
      : statusCounts.filter(([status]) => status !== expectStatus).reduce((sum, [, count]) => sum + count, 0);
  const failed = unexpected + result.errors + result.timeouts;
  if (failed > 0) {
    const statuses = statusCounts.map(([status, count]) => `${status}: ${count}`).join(', ');
    throw new Error(`${url}: ${failed} of ${result.requests.total} requests failed (${statuses})`);
  }
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    maxRssMb: maxRss,
    appCpuUs: perRequest(appCpuBefore, appCpuAfter),
    postgresCpuUs: perRequest(postgresCpuBefore, postgresCpuAfter),
  };
}

/**
 * One route against the ceiling: a warm-up (JIT, prepared statements, connections), then the bare
 * route for half the time, then the route.
 */
export async function measureAgainstCeiling(
  name: string,
  url: string,
  pid: number | undefined,
  duration: number,
  bareUrl: string,
  load: Load = {},
): Promise<Row> {
  await measure(url, undefined, 1, load);
  const ceiling = await measure(bareUrl, undefined, Math.max(1, Math.round(duration / 2)));
  const measured = await measure(url, pid, duration, load);
  return { name, ceiling: ceiling.requestsPerSecond, ...measured };
}

/** The bare Fastify route in its own process, warmed up: the ceiling of every route. */
export async function startCeiling(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/bare`;
  const bare = await startNode('bench/bare-server.ts', { PORT: String(port) }, url);
  try {
    await measure(url, undefined, 2); // warm-up: the first seconds of a fresh process run slower
  } catch (error) {
    await stop(bare);
    throw error;
  }
  return { url, stop: () => stop(bare) };
}

export async function json(res: Response) {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export interface LoggedIn {
  cookie: string;
  /** The session's headers for a JSON POST: cookie, content type and CSRF token. */
  headers: Record<string, string>;
}

/** Logs in as the web app does (partner users; `/api/admin/auth/login` for vendor staff). */
export async function login(
  base: string,
  email: string,
  password: string,
  path = '/api/auth/login',
): Promise<LoggedIn> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const session = await json(res);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    cookie,
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
  };
}

export async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** The server URL with its password hidden, for messages. */
export const shownUrl = (url: string) => url.replace(/:[^:@/]+@/, ':***@');

/** The table of results; `cpu` adds the CPU time per request of the app and of PostgreSQL. */
export function printTable(title: string, rows: Row[], options: { cpu?: boolean } = {}): void {
  const nameWidth = Math.max(44, ...rows.map((row) => row.name.length));
  const cpuHeaders = options.cpu ? ['app µs/req'.padStart(11), 'PG µs/req'.padStart(10)] : [];
  console.log(`\n${title}`);
  console.log(
    'route'.padEnd(nameWidth),
    'req/s'.padStart(7),
    'p50 ms'.padStart(7),
    'p99 ms'.padStart(7),
    'ceiling'.padStart(8),
    '× ceiling'.padStart(10),
    'RSS MB'.padStart(7),
    ...cpuHeaders,
  );
  for (const row of rows) {
    const cpu = options.cpu
      ? [String(row.appCpuUs ?? '-').padStart(11), String(row.postgresCpuUs ?? '-').padStart(10)]
      : [];
    console.log(
      row.name.padEnd(nameWidth),
      String(row.requestsPerSecond).padStart(7),
      String(row.p50).padStart(7),
      String(row.p99).padStart(7),
      String(row.ceiling).padStart(8),
      (row.requestsPerSecond / row.ceiling).toFixed(3).padStart(10),
      String(row.maxRssMb ?? '-').padStart(7),
      ...cpu,
    );
  }
}
