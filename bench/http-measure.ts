// What the HTTP benches share: autocannon against a route, a reference route measured before each
// route (the app's own `select 1` route, or a bare-Fastify ceiling), CPU per request from /proc,
// logging in, and the table they print. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50)
// set the load.
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
  /**
   * CPU time per request in µs (Linux): of the app processes together, of every PostgreSQL process
   * on the machine (a standby's included), of the standby's processes alone, of the balancer.
   */
  appCpuUs: number | null;
  postgresCpuUs: number | null;
  standbyCpuUs: number | null;
  proxyCpuUs: number | null;
}

/** The processes whose CPU time a measurement counts. */
export interface Watched {
  appPids: number[];
  /** The standby's postmaster: it and its children are the standby. */
  standbyPid?: number | undefined;
  proxyPid?: number | undefined;
}

export interface Row extends Measured {
  name: string;
  /** The reference route's req/s (and its app + PostgreSQL µs per request), measured just before. */
  reference: number;
  referenceCpuUs: number | null;
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

/** The parent of a process, from /proc, or null. */
export function parentPid(pid: number | string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * CPU time of every process named `postgres` on this machine (servers and their backends), in µs,
 * and of those of the standby (its postmaster `standbyPid` and its children).
 */
export function postgresCpuMicros(standbyPid: number | undefined): { all: number; standby: number } | null {
  let all = 0;
  let standby = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(pid)) continue;
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
        const micros = cpuMicros(pid) ?? 0;
        all += micros;
        if (standbyPid !== undefined && (Number(pid) === standbyPid || parentPid(pid) === standbyPid))
          standby += micros;
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return null;
  }
  return all > 0 ? { all, standby } : null;
}

/** What `measure` reads before and after: the CPU time of the watched processes. */
function cpuSnapshot(watched: Watched) {
  const apps = watched.appPids.map((pid) => cpuMicros(pid));
  return {
    app: apps.some((micros) => micros === null) ? null : apps.reduce<number>((sum, m) => sum + (m ?? 0), 0),
    postgres: postgresCpuMicros(watched.standbyPid),
    proxy: watched.proxyPid === undefined ? null : cpuMicros(watched.proxyPid),
  };
}

/**
 * Drives `url` for `duration` seconds, sampling the app processes' RSS meanwhile (the largest) and
 * counting the CPU time of `watched` (an app's pid alone, or nothing for a warm-up).
 */
export async function measure(
  url: string,
  watchedOrPid: Watched | number | undefined,
  duration: number,
  load: Load = {},
): Promise<Measured> {
  const watched: Watched | undefined =
    typeof watchedOrPid === 'number' ? { appPids: [watchedOrPid] } : watchedOrPid;
  let maxRss: number | null = null;
  const sampler = setInterval(() => {
    for (const pid of watched?.appPids ?? []) {
      const rss = rssMb(pid);
      if (rss !== null) maxRss = Math.max(maxRss ?? 0, rss);
    }
  }, 100);
  const { expectStatus, setupRequest, ...request } = load;
  const before = watched ? cpuSnapshot(watched) : null;
  const result = await autocannon({
    url,
    connections,
    duration,
    ...request,
    ...(setupRequest ? { requests: [{ setupRequest }] } : {}),
  });
  clearInterval(sampler);
  const after = watched ? cpuSnapshot(watched) : null;
  const perRequest = (from: number | null | undefined, to: number | null | undefined) =>
    from === null || from === undefined || to === null || to === undefined || result.requests.total === 0
      ? null
      : Math.round((to - from) / result.requests.total);
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
    appCpuUs: perRequest(before?.app, after?.app),
    postgresCpuUs: perRequest(before?.postgres?.all, after?.postgres?.all),
    standbyCpuUs:
      watched?.standbyPid === undefined
        ? null
        : perRequest(before?.postgres?.standby, after?.postgres?.standby),
    proxyCpuUs: perRequest(before?.proxy, after?.proxy),
  };
}

const cpuOf = (m: Measured) =>
  m.appCpuUs === null || m.postgresCpuUs === null ? null : m.appCpuUs + m.postgresCpuUs;

/**
 * One route against a reference route: a warm-up (JIT, prepared statements, connections), then the
 * reference for half the time, then the route. The machine's speed drifts, so the reference is
 * measured again before each route. The reference's CPU is counted when it is one of the app's own
 * routes (`referenceWatched`).
 */
export async function measureAgainst(
  name: string,
  url: string,
  watched: Watched | number | undefined,
  duration: number,
  referenceUrl: string,
  load: Load = {},
  referenceWatched?: Watched,
): Promise<Row> {
  await measure(url, undefined, 1, load);
  const reference = await measure(referenceUrl, referenceWatched, Math.max(1, Math.round(duration / 2)));
  const measured = await measure(url, watched, duration, load);
  return { name, reference: reference.requestsPerSecond, referenceCpuUs: cpuOf(reference), ...measured };
}

/** One route against the bare Fastify ceiling (startCeiling). */
export const measureAgainstCeiling = (
  name: string,
  url: string,
  pid: number | undefined,
  duration: number,
  bareUrl: string,
  load: Load = {},
): Promise<Row> => measureAgainst(name, url, pid, duration, bareUrl, load);

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

/** How a row compares with its reference: req/s, and (when both were counted) app + PG CPU. */
export const timesReference = (row: Row) => row.requestsPerSecond / row.reference;
export const cpuTimesReference = (row: Row) => {
  const cpu = cpuOf(row);
  return cpu === null || row.referenceCpuUs === null || cpu === 0 ? null : row.referenceCpuUs / cpu;
};

/**
 * The table of results. `cpu` adds the CPU time per request of the app and of PostgreSQL (with
 * `standby`, of the standby alone and of the balancer too); `reference` names the reference route
 * (default: the ceiling).
 */
export function printTable(
  title: string,
  rows: Row[],
  options: { cpu?: boolean; standby?: boolean; reference?: string } = {},
): void {
  const reference = options.reference ?? 'ceiling';
  const withCpuRatio = rows.some((row) => row.referenceCpuUs !== null);
  const nameWidth = Math.max(44, ...rows.map((row) => row.name.length));
  const columns: (readonly [string, number, (row: Row) => string])[] = [
    ['req/s', 7, (row) => String(row.requestsPerSecond)],
    ['p50 ms', 7, (row) => String(row.p50)],
    ['p99 ms', 7, (row) => String(row.p99)],
    [reference, Math.max(8, reference.length), (row) => String(row.reference)],
    [`× ${reference}`, 10, (row) => timesReference(row).toFixed(3)],
    ...(withCpuRatio
      ? [[`CPU × ${reference}`, 14, (row: Row) => cpuTimesReference(row)?.toFixed(3) ?? '-'] as const]
      : []),
    ['RSS MB', 7, (row) => String(row.maxRssMb ?? '-')],
    ...(options.cpu
      ? [
          ['app µs/req', 11, (row: Row) => String(row.appCpuUs ?? '-')] as const,
          ['PG µs/req', 10, (row: Row) => String(row.postgresCpuUs ?? '-')] as const,
        ]
      : []),
    ...(options.cpu && options.standby
      ? [
          ['of it standby', 14, (row: Row) => String(row.standbyCpuUs ?? '-')] as const,
          ['HAProxy µs/req', 15, (row: Row) => String(row.proxyCpuUs ?? '-')] as const,
        ]
      : []),
  ];
  console.log(`\n${title}`);
  console.log('route'.padEnd(nameWidth), ...columns.map(([header, width]) => header.padStart(width)));
  for (const row of rows)
    console.log(row.name.padEnd(nameWidth), ...columns.map(([, width, value]) => value(row).padStart(width)));
}
