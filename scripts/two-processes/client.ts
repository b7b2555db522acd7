import { Agent, request } from 'node:http';

/** One request as the client saw it: when it started and ended, and what came back. */
export interface Exchange {
  id: number;
  method: string;
  path: string;
  startedAt: number;
  endedAt: number;
  /** 0 when no answer came (the connection broke). */
  status: number;
  /** The app process HAProxy sent it to (its `x-served-by` header). */
  servedBy: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  error?: string;
}

let nextId = 0;

/**
 * A browser behind one client address: its own kept-alive connections, leaving from `address` (any
 * 127.x.y.z reaches HAProxy on loopback), so that HAProxy's X-Forwarded-For tells the app processes
 * apart who is who — as clients on different machines would be.
 */
export class Browser {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 8 });
  private readonly baseUrl: string;
  readonly address: string;
  cookie = '';
  csrfToken = '';

  constructor(baseUrl: string, address = '127.0.0.1') {
    this.baseUrl = baseUrl;
    this.address = address;
  }

  send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Exchange> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const exchange: Exchange = {
      id: nextId++,
      method,
      path,
      startedAt: performance.now(),
      endedAt: 0,
      status: 0,
      servedBy: '',
      headers: {},
      body: '',
    };
    return new Promise((resolve) => {
      const done = (error?: Error) => {
        exchange.endedAt = performance.now();
        if (error) exchange.error = error.message;
        resolve(exchange);
      };
      const req = request(
        new URL(path, this.baseUrl),
        {
          method,
          agent: this.agent,
          localAddress: this.address,
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...(this.cookie ? { cookie: `pp_session=${this.cookie}` } : {}),
            ...(method !== 'GET' && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
            ...headers,
          },
        },
        (res) => {
          exchange.status = res.statusCode ?? 0;
          exchange.headers = res.headers;
          exchange.servedBy = String(res.headers['x-served-by'] ?? '');
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            exchange.body = Buffer.concat(chunks).toString('utf8');
            done();
          });
          res.on('error', done);
        },
      );
      req.on('error', done);
      req.end(payload);
    });
  }

  /** Logs in; the session cookie and CSRF token are kept for the next requests. */
  async login(email: string, password: string): Promise<Exchange> {
    const answer = await this.send('POST', '/api/auth/login', { email, password });
    if (answer.status !== 200) return answer;
    const cookies = [answer.headers['set-cookie'] ?? []].flat();
    const session = cookies.map((c) => /^pp_session=([^;]+)/.exec(c)?.[1]).find(Boolean);
    if (!session) throw new Error('login answered 200 without a session cookie');
    this.cookie = session;
    this.csrfToken = (JSON.parse(answer.body) as { csrfToken: string }).csrfToken;
    return answer;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Fails with what came back unless the answer has `status`. */
export function expectStatus(exchange: Exchange, status: number, what: string): Exchange {
  if (exchange.status !== status)
    throw new Error(
      `${what}: expected ${status}, got ${exchange.status || exchange.error} from ${exchange.servedBy || '?'}: ${exchange.body.slice(0, 300)}`,
    );
  return exchange;
}
