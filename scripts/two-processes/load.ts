import { randomUUID } from 'node:crypto';
import { Browser, type Exchange } from './client.ts';

/** The answers each kind of request may give under load; anything else (or none) is a failure. */
const expected: Record<string, number[]> = {
  'GET /api/quotes': [200],
  'POST cart line': [201],
  'POST /api/auth/login': [401, 429],
};

export interface LoadRecord {
  exchange: Exchange;
  kind: keyof typeof expected;
  /** The Idempotency-Key of a cart POST. */
  key?: string;
}

export const failed = (record: LoadRecord) => !(expected[record.kind] ?? []).includes(record.exchange.status);

/**
 * Logged-in traffic through the balancer until `stop()`: quote lists and cart POSTs (each with a
 * fresh Idempotency-Key) of one session, and failed logins of strangers, each from its own address,
 * that run into the login rate limit (401, then 429).
 */
export class Load {
  readonly records: LoadRecord[] = [];
  private stopping = false;
  private readonly workers: Promise<void>[] = [];
  private readonly browsers: Browser[] = [];

  private readonly cartPath: string;

  constructor(
    baseUrl: string,
    session: { cookie: string; csrfToken: string },
    cartPath: string,
    options: { readers: number; writers: number; strangers: number },
  ) {
    this.cartPath = cartPath;
    const browser = (address: string) => {
      const b = new Browser(baseUrl, address);
      b.cookie = session.cookie;
      b.csrfToken = session.csrfToken;
      this.browsers.push(b);
      return b;
    };
    for (let i = 0; i < options.readers; i++) this.workers.push(this.read(browser('127.0.0.2')));
    for (let i = 0; i < options.writers; i++) this.workers.push(this.write(browser('127.0.0.2')));
    for (let i = 0; i < options.strangers; i++)
      this.workers.push(this.guess(new Browser(baseUrl, `127.0.1.${i + 1}`), `stranger.${i}@load.test`));
  }

  private async read(browser: Browser) {
    while (!this.stopping)
      this.records.push({ kind: 'GET /api/quotes', exchange: await browser.send('GET', '/api/quotes') });
  }

  private async write(browser: Browser) {
    while (!this.stopping) {
      const key = randomUUID();
      const exchange = await browser.send(
        'POST',
        this.cartPath,
        { productCode: 'II', quantity: 1, termYears: 1 },
        { 'idempotency-key': key },
      );
      this.records.push({ kind: 'POST cart line', exchange, key });
    }
  }

  private async guess(browser: Browser, email: string) {
    this.browsers.push(browser);
    while (!this.stopping) {
      const exchange = await browser.send('POST', '/api/auth/login', { email, password: 'not the password' });
      this.records.push({ kind: 'POST /api/auth/login', exchange });
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers);
    for (const browser of this.browsers) browser.close();
  }
}
