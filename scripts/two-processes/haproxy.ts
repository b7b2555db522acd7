import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * HAProxy from Debian's packages in front of the app processes: the reference configuration of
 * docs/OPERATIONS.md ("Two processes behind a balancer"), generated for the ports of one run.
 */
export interface Backend {
  name: string;
  port: number;
}

export function haproxyConfig(options: { port: number; statsPort: number; backends: Backend[] }): string {
  const servers = options.backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`).join('\n');
  return `global
  maxconn 2000

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout check 2s
  # A connection refused by a process that just died is tried again (3 times), each time on
  # another process: only requests already sent to it fail.
  retries 3
  option redispatch
  # A request sent on a kept-alive connection to a process that has just died gets no answer: it
  # is sent again to another process, but only when sending it twice is safe (a read, or a write
  # carrying an Idempotency-Key, which the app answers once, or a login, whose repeat at worst
  # leaves an unused session to expire).
  retry-on conn-failure empty-response
  # The client's address for the app's rate limits and audit log (TRUST_PROXY=127.0.0.1).
  option forwardfor

frontend portal
  bind 127.0.0.1:${options.port}
  # HAProxy is the edge: an X-Forwarded-For the client wrote itself is not passed on.
  http-request del-header x-forwarded-for
  default_backend app

backend app
  balance roundrobin
  # Readiness, not liveness: a process that is starting, stopping or cut off from its database
  # gets no requests. Two failed checks 0.5 s apart take a process out, two good ones put it back.
  option httpchk GET /api/health/ready
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  # Which process answered (errors HAProxy makes itself included): for the two-process test and
  # for reading a failure.
  http-after-response set-header x-served-by %s
  http-request disable-l7-retry if !METH_GET !METH_HEAD !{ req.hdr(idempotency-key) -m found } !{ path /api/auth/login }
${servers}

frontend stats
  bind 127.0.0.1:${options.statsPort}
  stats enable
  stats uri /stats
`;
}

/** Debian's haproxy, installed with apt-get when missing (as root; CI runs as root). */
export function ensureHaproxy(): string {
  const found = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((path) => existsSync(path));
  if (found) return found;
  if (process.getuid?.() !== 0)
    throw new Error('haproxy is not installed: apt-get install -y haproxy (as root)');
  console.log('Installing haproxy from Debian packages…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let result = spawnSync('apt-get', ['install', '-y', '-qq', 'haproxy'], { stdio: 'inherit', env });
  if (result.status !== 0) {
    // A fresh machine may not have the package lists yet.
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    result = spawnSync('apt-get', ['install', '-y', '-qq', 'haproxy'], { stdio: 'inherit', env });
  }
  if (result.status !== 0 || !existsSync('/usr/sbin/haproxy'))
    throw new Error('apt-get install haproxy failed');
  return '/usr/sbin/haproxy';
}

/** One server's line of HAProxy's statistics (CSV). */
export interface ServerStats {
  name: string;
  status: string;
  /** Connection retries and redispatches HAProxy made for this server. */
  retries: number;
  redispatches: number;
}

export class Haproxy {
  readonly child: ChildProcess;
  readonly url: string;
  private readonly statsUrl: string;

  private constructor(child: ChildProcess, url: string, statsUrl: string) {
    this.child = child;
    this.url = url;
    this.statsUrl = statsUrl;
  }

  /** Writes the configuration into `dir` and runs HAProxy in the foreground. */
  static async start(
    binary: string,
    dir: string,
    options: { port: number; statsPort: number; backends: Backend[] },
  ): Promise<Haproxy> {
    const configFile = join(dir, 'haproxy.cfg');
    writeFileSync(configFile, haproxyConfig(options));
    const check = spawnSync(binary, ['-c', '-q', '-f', configFile], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`haproxy refuses its configuration: ${check.stderr}`);
    const child = spawn(binary, ['-db', '-f', configFile], { stdio: ['ignore', 'ignore', 'inherit'] });
    const proxy = new Haproxy(
      child,
      `http://127.0.0.1:${options.port}`,
      `http://127.0.0.1:${options.statsPort}/stats;csv`,
    );
    await proxy.waitFor((servers) => servers.length > 0, 10_000, 'HAProxy did not start');
    return proxy;
  }

  async servers(): Promise<ServerStats[]> {
    const text = await (await fetch(this.statsUrl)).text();
    const [header = '', ...rows] = text.trim().split('\n');
    const columns = header.replace(/^# /, '').split(',');
    const at = (name: string) => columns.indexOf(name);
    return rows
      .map((row) => row.split(','))
      .filter(
        (cells) =>
          cells[at('pxname')] === 'app' && !['FRONTEND', 'BACKEND'].includes(cells[at('svname')] ?? ''),
      )
      .map((cells) => ({
        name: cells[at('svname')] ?? '',
        status: cells[at('status')] ?? '',
        retries: Number(cells[at('wretr')] || 0),
        redispatches: Number(cells[at('wredis')] || 0),
      }));
  }

  /** Polls the statistics every 20 ms until `done` holds; answers the time it took in ms. */
  async waitFor(
    done: (servers: ServerStats[]) => boolean,
    timeoutMs: number,
    failure: string,
  ): Promise<number> {
    const start = performance.now();
    for (;;) {
      try {
        if (done(await this.servers())) return performance.now() - start;
      } catch {
        // not listening yet
      }
      if (this.child.exitCode !== null) throw new Error(`haproxy exited with ${this.child.exitCode}`);
      if (performance.now() - start > timeoutMs) throw new Error(failure);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
