import { count, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentCounters, invoices, orderAttempts, orders, quotes } from '../db/schema/index.ts';
import {
  createTestCustomer,
  createTestPartner,
  openAccount,
  quoteFor,
  quoteInput,
  type TestPartner,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { TestSession } from '../test/session.ts';
import { settleStaleOrderAttempts } from '../use-cases/settle-order-attempts.ts';

/**
 * Issue 19, faults: PostgreSQL ends the app's backends while requests are in flight
 * (`pg_terminate_backend` from outside, as an operator or a failover does). Every request answers
 * with what it did or a 503 with a code (never a 500), nothing is half-written, and the app goes on
 * by itself on new connections. The shared server cannot be restarted from a test; ending every
 * backend of the app at once (pool, job queue, the sandbox's own connections) is what a restart
 * looks like from the app's side.
 *
 * PostgreSQL only: PGlite runs inside the process, there is no backend to end.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

let t: TestApp;
let admin: pg.Client;
let partner: TestPartner;
let session: TestSession;
/** A session holds one open account: parallel Get Quotes for several accounts take a browser each. */
let browsers: TestSession[];

/** Ends the app's backends in its database: those busy with a statement or transaction, or all. */
async function terminate(which: 'busy' | 'all'): Promise<number> {
  const { rows } = await admin.query<{ ended: boolean }>(
    `select pg_terminate_backend(pid) as ended from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and ($1 = 'all' or state in ('active', 'idle in transaction'))`,
    [which],
  );
  return rows.filter((row) => row.ended).length;
}

/** Keeps ending busy backends every few milliseconds until `work` has settled. */
async function underTermination<T>(work: Promise<T>): Promise<{ result: T; ended: number }> {
  let done = false;
  let ended = 0;
  // Spaced so that some requests run between two blows and some are hit in the middle.
  const killer = (async () => {
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
      if (!done) ended += await terminate('busy');
    }
  })();
  try {
    return { result: await work, ended };
  } finally {
    done = true;
    await killer;
  }
}

/** A cart of two seats for a new account, ready for Get Quote in `browser`. */
async function cartFor(browser: TestSession, customer: Awaited<ReturnType<typeof createTestCustomer>>) {
  await openAccount(browser, customer);
  const added = await browser.post(`/api/customers/${customer.customerId}/cart/lines`, {
    productCode: 'II',
    quantity: 2,
    termYears: 1,
  });
  expect(added.statusCode).toBe(201);
}

const deps = () => ({
  payments: t.app.portal.payments,
  paypal: t.app.portal.paypal,
  jobs: t.jobs,
  mail: t.app.portal.mail,
});
const getQuote = (browser: TestSession, customerId: string) =>
  browser.post('/api/quotes', { customerId, ...quoteInput() });
const placeOrder = (quoteNumber: string, key: string) =>
  session.post('/api/orders', { quoteNumber, payment: { method: 'postpaid' } }, { 'idempotency-key': key });

/** Each answer is a success or a 503 with a database code; none is a server error. */
function expectAnsweredOr503(answers: { statusCode: number; json(): { code?: string } }[], ok: number) {
  for (const answer of answers) {
    if (answer.statusCode === ok) continue;
    expect(answer.statusCode, JSON.stringify(answer.json())).toBe(503);
    expect(answer.json().code).toMatch(/^database\./);
  }
}

/** Nothing half-written: numbers without holes, each order with its invoice, each ordered quote with its order. */
async function expectConsistent(): Promise<void> {
  const year = t.clock.now.getUTCFullYear();
  for (const [kind, table] of [
    ['quote', quotes],
    ['invoice', invoices],
  ] as const) {
    const [counter] = await t.db
      .select({ last: documentCounters.lastValue })
      .from(documentCounters)
      .where(sql`${documentCounters.kind} = ${kind} and ${documentCounters.year} = ${year}`);
    const [rows] = await t.db.select({ n: count() }).from(table);
    expect(rows?.n, `${kind} numbers without holes`).toBe(counter?.last ?? 0);
  }
  const orderRows = await t.db.select({ id: orders.id, quoteId: orders.quoteId }).from(orders);
  const invoiceRows = await t.db.select({ orderId: invoices.orderId }).from(invoices);
  expect(invoiceRows.map((row) => row.orderId).sort()).toEqual(orderRows.map((row) => row.id).sort());
  const ordered = await t.db.select({ id: quotes.id }).from(quotes).where(eq(quotes.status, 'ordered'));
  expect(ordered.map((row) => row.id).sort()).toEqual(orderRows.map((row) => row.quoteId).sort());
}

describe.skipIf(!onPostgres)('PostgreSQL ends the app’s backends mid-request (PostgreSQL only)', () => {
  beforeAll(async () => {
    t = await startTestApp();
    admin = new pg.Client({ connectionString: t.database.url });
    await admin.connect();
    partner = await createTestPartner(t.db, t.app, { creditTerms: true });
    session = await partner.loginAs('sales');
    browsers = [];
    for (let i = 0; i < 6; i++) browsers.push(await partner.loginAs(i % 2 ? 'sales' : 'admin'));
  });
  afterAll(async () => {
    await admin?.end();
    // Ends only if every connection came back to the pool (a leaked one would hold pool.end()).
    await t?.close();
  });

  it('answers Get Quote under termination with a quote or a 503, and writes whole quotes only', async () => {
    let ended = 0;
    let refused = 0;
    for (let round = 0; round < 3; round++) {
      const customers = await Promise.all(browsers.map(() => createTestCustomer(t.db)));
      await Promise.all(
        browsers.map((browser, i) => cartFor(browser, customers[i] as (typeof customers)[0])),
      );
      const run = await underTermination(
        Promise.all(browsers.map((browser, i) => getQuote(browser, customers[i]?.customerId ?? ''))),
      );
      ended += run.ended;
      expectAnsweredOr503(run.result, 201);
      // A refused Get Quote left its cart as it was: asking again makes the quote.
      for (const [i, answer] of run.result.entries()) {
        if (answer.statusCode === 201) continue;
        refused++;
        const again = await getQuote(browsers[i] as TestSession, customers[i]?.customerId ?? '');
        expect(again.statusCode, again.body).toBe(201);
      }
      await expectConsistent();
    }
    expect(ended).toBeGreaterThan(0);
    console.log(`Get Quote: ${ended} backends ended, ${refused} of 18 requests answered 503`);
  });

  it('answers Place order under termination with an order or a 503; a retry or the recovery job completes it', async () => {
    const customers = await Promise.all(Array.from({ length: 10 }, () => createTestCustomer(t.db)));
    const quoteNumbers: string[] = [];
    for (const customer of customers) quoteNumbers.push((await quoteFor(session, customer)).quoteNumber);
    const keys = quoteNumbers.map((n) => `terminated-${n}`);
    const { result: answers, ended } = await underTermination(
      Promise.all(quoteNumbers.map((n, i) => placeOrder(n, keys[i] ?? ''))),
    );
    expect(ended).toBeGreaterThan(0);
    expectAnsweredOr503(answers, 201);
    const refused = answers.filter((answer) => answer.statusCode === 503).length;
    console.log(
      `Place order: ${ended} backends ended, ${refused} of ${answers.length} requests answered 503`,
    );
    await expectConsistent();

    // The user retries what failed with the same key: the order, never a second one. A claim whose
    // COMMIT went through but whose answer was lost keeps its lease (nobody can tell it from a
    // parallel twin still working), so a retry finds it busy until the lease runs out (2 min):
    // the retry here comes after that. A failure after the claim gives the lease back at once.
    t.clock.advanceMinutes(3);
    const retried = await Promise.all(
      answers.map((answer, i) =>
        answer.statusCode === 201 ? answer : placeOrder(quoteNumbers[i] ?? '', keys[i] ?? ''),
      ),
    );
    for (const answer of retried) expect(answer.statusCode, answer.body).toBe(201);
    const numbers = retried.map((answer) => answer.json().orderNumber as string);
    expect(new Set(numbers).size).toBe(quoteNumbers.length);
    await expectConsistent();
    const open = await t.db
      .select({ status: orderAttempts.status })
      .from(orderAttempts)
      .where(inArray(orderAttempts.attemptKey, keys));
    expect(open.every((attempt) => attempt.status === 'completed')).toBe(true);
  });

  it('recovers from every backend ended at once (a restart, seen from the app), on its own', async () => {
    const customers = await Promise.all(Array.from({ length: 6 }, () => createTestCustomer(t.db)));
    const quoteNumbers: string[] = [];
    for (const customer of customers) quoteNumbers.push((await quoteFor(session, customer)).quoteNumber);
    // Requests in flight, then every connection of the app (pool, job queue, sandbox store) ends.
    const inFlight = Promise.all(quoteNumbers.map((n) => placeOrder(n, `restart-${n}`)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await terminate('all')).toBeGreaterThan(0);
    expectAnsweredOr503(await inFlight, 201);
    await expectConsistent();

    // Nobody retries: the recovery job settles what was left between the steps once leases run out.
    t.clock.advanceMinutes(3);
    await settleStaleOrderAttempts(t.db, deps(), t.clock.now);
    const statuses = await Promise.all(
      quoteNumbers.map(async (n) => (await session.get(`/api/quotes/${n}`)).json().status as string),
    );
    expect(statuses.every((status) => status === 'ordered' || status === 'open')).toBe(true);
    await expectConsistent();

    // Service goes on with no restart of the app: the next requests all succeed.
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(session, customer);
    expect((await placeOrder(quote.quoteNumber, `after-${quote.quoteNumber}`)).statusCode).toBe(201);
    // Every connection of the pool works again: more parallel requests than it has connections.
    const reads = await Promise.all(Array.from({ length: 20 }, () => session.get('/api/quotes?page=1')));
    expect(reads.map((read) => read.statusCode)).toEqual(reads.map(() => 200));
    await expectConsistent();
  });
});
