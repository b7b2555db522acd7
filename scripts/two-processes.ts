// Issue 19, faults: two real app processes behind HAProxy (Debian's package, installed if missing),
// one SIGKILLed under load. Only the requests in flight on it may fail; sessions, rate limits,
// idempotency and jobs keep working on the other, whose state all lives in PostgreSQL.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node_modules/.bin/node scripts/two-processes.ts
//
// DATABASE_URL names the server: a fresh database is made there and dropped at the end. Prints a
// table of figures and exits 1 if any promise is broken. docs/OPERATIONS.md, "Two processes behind
// a balancer", shows the HAProxy configuration (scripts/two-processes/haproxy.ts).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { freePort } from '../bench/processes.ts';
import { createScratchDatabase } from '../server/test/database.ts';
import { SmtpSink } from '../server/test/smtp-sink.ts';
import { AppProcess } from './two-processes/apps.ts';
import { Browser, type Exchange, expectStatus } from './two-processes/client.ts';
import { ensureHaproxy, Haproxy } from './two-processes/haproxy.ts';
import { failed, Load } from './two-processes/load.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Load before the kill, and at least this long after the killed process is marked down. */
const LOAD_BEFORE_KILL_MS = 3_000;
const LOAD_AFTER_DOWN_MS = 3_000;
const DEMO_PASSWORD = 'demo-pass-2026';
const ACME = { customerId: '6703615', email: 'it@acme.test' };
const GLOBEX = { customerId: '7012345', email: 'licensing@globex.test' };
/** The process that will be killed; the other one survives. */
const VICTIM = 'app1';
const SURVIVOR = 'app2';

const broken: string[] = [];
function promise(kept: boolean, text: string): void {
  console.log(`${kept ? 'ok  ' : 'FAIL'}  ${text}`);
  if (!kept) broken.push(text);
}

/** Sends until the balancer hands the request to `server` (round robin: a try or two). */
async function on(server: string, send: () => Promise<Exchange>, tries = 6): Promise<Exchange[]> {
  const answers: Exchange[] = [];
  for (let i = 0; i < tries; i++) {
    const answer = await send();
    answers.push(answer);
    if (answer.servedBy === server) return answers;
  }
  throw new Error(`${tries} requests, none reached ${server}`);
}

const json = <T>(exchange: Exchange) => JSON.parse(exchange.body) as T;
type Cart = { lines: { productCode: string; kind: string; termYears: number | null; quantity: number }[] };
const seatsOf = (cart: Cart) =>
  cart.lines.find((l) => l.productCode === 'II' && l.kind === 'new' && l.termYears === 1)?.quantity ?? 0;

const dir = mkdtempSync(join(tmpdir(), 'two-processes-'));
const haproxyBinary = ensureHaproxy();
const scratch = await createScratchDatabase(serverUrl, 'pp_two_processes');
const sql = new pg.Client({ connectionString: scratch.url });
const sink = new SmtpSink();
const apps: AppProcess[] = [];
let proxy: Haproxy | undefined;
try {
  await sql.connect();
  await sink.start();
  const [port, statsPort, ...appPorts] = await Promise.all([1, 2, 3, 4].map(() => freePort()));
  const env = {
    DATABASE_URL: scratch.url,
    DEMO_DATA: 'true',
    TRUST_PROXY: '127.0.0.1',
    SMTP_URL: sink.url,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  const started = performance.now();
  // One after the other: the first migrates the new database and loads the demo data.
  for (const [i, appPort] of appPorts.entries())
    apps.push(await AppProcess.start(`app${i + 1}`, appPort as number, dir, env));
  const startMs = performance.now() - started;
  proxy = await Haproxy.start(haproxyBinary, dir, {
    port: port as number,
    statsPort: statsPort as number,
    backends: apps.map((a) => ({ name: a.name, port: a.port })),
  });
  await proxy.waitFor((s) => s.length === 2 && s.every((x) => x.status === 'UP'), 10_000, 'servers not UP');
  const victim = apps.find((a) => a.name === VICTIM) as AppProcess;

  // Before the kill: a session, an idempotent POST, failed logins and an email, made on the victim.
  const sales = new Browser(proxy.url, '127.0.0.2');
  const salesLogin = (await on(VICTIM, () => sales.login('sales@demo-reseller.test', DEMO_PASSWORD))).at(-1);
  expectStatus(salesLogin as Exchange, 200, 'login');
  expectStatus(
    await sales.send('POST', '/api/customers/open', {
      identifier: { kind: 'customerId', value: ACME.customerId },
      email: ACME.email,
    }),
    200,
    'open Acme',
  );
  const cartPath = `/api/customers/${ACME.customerId}/cart/lines`;
  const seatsBefore = seatsOf(
    json<Cart>(expectStatus(await sales.send('GET', `/api/customers/${ACME.customerId}/cart`), 200, 'cart')),
  );
  const keysAdded = new Set<string>();
  const firstKeys: string[] = [];
  const firstPosts = await on(VICTIM, () => {
    const key = randomUUID();
    firstKeys.push(key);
    return sales.send(
      'POST',
      cartPath,
      { productCode: 'II', quantity: 1, termYears: 1 },
      { 'idempotency-key': key },
    );
  });
  for (const post of firstPosts) expectStatus(post, 201, 'cart line');
  for (const key of firstKeys) keysAdded.add(key);
  const firstPost = firstPosts.at(-1) as Exchange;
  const firstKey = firstKeys.at(-1) as string;

  const attacker = new Browser(proxy.url, '127.0.0.9');
  const guess = () =>
    attacker.send(
      'POST',
      '/api/auth/login',
      { email: 'billing@demo-reseller.test', password: 'wrong' },
      // Written by the client itself: HAProxy drops it, the app counts the address HAProxy saw.
      { 'x-forwarded-for': '203.0.113.9' },
    );
  const guessesBefore: Exchange[] = [];
  for (let i = 0; i < 6; i++) guessesBefore.push(expectStatus(await guess(), 401, 'failed login'));

  const admin = new Browser(proxy.url, '127.0.0.3');
  expectStatus(await admin.login('admin@demo-reseller.test', DEMO_PASSWORD), 200, 'admin login');
  expectStatus(
    await admin.send('POST', '/api/customers/open', {
      identifier: { kind: 'customerId', value: GLOBEX.customerId },
      email: GLOBEX.email,
    }),
    200,
    'open Globex',
  );
  expectStatus(
    await admin.send('POST', `/api/customers/${GLOBEX.customerId}/cart/lines`, {
      productCode: 'WS',
      quantity: 3,
      termYears: 1,
    }),
    201,
    'Globex cart line',
  );
  // The SMTP server refuses for now: the email waits in the outbox for a retry.
  sink.refusing = true;
  const quote = json<{ quoteNumber: string }>(
    expectStatus(
      await admin.send('POST', '/api/quotes', {
        customerId: GLOBEX.customerId,
        billingAddress: {
          companyName: 'Demo Reseller LLC',
          addressLine1: '1 Market St',
          city: 'San Francisco',
          state: 'CA',
          postalCode: '94105',
          country: 'US',
        },
        endUser: { name: 'Globex Licensing', email: GLOBEX.email },
        sendCopyTo: 'copy@globex.test',
        sendCopyAs: 'customer',
      }),
      201,
      'quote with a copy',
    ),
  );
  const outbox = async () =>
    (
      await sql.query<{ status: string; attempts: number }>(
        "select status, attempts from mail_outbox where to_address = 'copy@globex.test'",
      )
    ).rows;
  for (const until = Date.now() + 20_000; !(await outbox()).some((r) => r.attempts >= 1); ) {
    if (Date.now() > until) throw new Error('the quote email was never tried');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  // The load, and the kill in the middle of it.
  const load = new Load(proxy.url, sales, cartPath, { readers: 6, writers: 4, strangers: 2 });
  const loadStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_KILL_MS));
  // A job under way on a process that dies is taken again only after pg-boss's expiry (15 min):
  // the kill comes while the email waits for its retry, not while it is being tried.
  for (const until = Date.now() + 10_000; Date.now() < until; ) {
    const { rows: jobs } = await sql.query<{ state: string }>(
      `select state from pgboss.job where name = 'mail-delivery' and data->>'outboxId' in
         (select id::text from mail_outbox where to_address = 'copy@globex.test')`,
    );
    if (jobs.length > 0 && jobs.every((job) => job.state !== 'active')) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  victim.kill();
  const killedAt = performance.now();
  sink.refusing = false;
  const markDownMs = await proxy.waitFor(
    (s) => s.find((x) => x.name === VICTIM)?.status.startsWith('DOWN') ?? false,
    10_000,
    `${VICTIM} was never marked down`,
  );
  await new Promise((resolve) => setTimeout(resolve, LOAD_AFTER_DOWN_MS));
  await load.stop();
  const loadMs = performance.now() - loadStart;
  const markedDownAt = killedAt + markDownMs;

  // Only requests in flight on the victim when it died may have failed.
  const records = load.records;
  const inFlight = records.filter((r) => r.exchange.startedAt <= killedAt && r.exchange.endedAt >= killedAt);
  const failures = records.filter(failed);
  const outside = failures.filter((r) => !inFlight.includes(r));
  promise(
    outside.length === 0 && failures.length <= inFlight.length,
    `only requests in flight at the kill failed: ${failures.length} failed, ${inFlight.length} in flight, ${outside.length} others`,
  );
  promise(
    failures.every((r) => r.exchange.servedBy === VICTIM),
    `every failure came from ${VICTIM} (${[...new Set(failures.map((r) => r.exchange.servedBy || 'no answer'))].join(', ') || 'none'})`,
  );
  const afterDown = records.filter((r) => r.exchange.startedAt >= markedDownAt);
  promise(
    afterDown.length > 0 && afterDown.every((r) => !failed(r) && r.exchange.servedBy === SURVIVOR),
    `after the mark-down all ${afterDown.length} requests succeeded on ${SURVIVOR}`,
  );

  // Sessions: the login the victim answered keeps working on the survivor.
  const me = await sales.send('GET', '/api/auth/me');
  promise(
    salesLogin?.servedBy === VICTIM && me.status === 200 && me.servedBy === SURVIVOR,
    `a session logged in on ${VICTIM} is served by ${SURVIVOR} (${me.status})`,
  );

  // Idempotency: the POST the victim answered, sent again, is replayed by the survivor.
  const replay = await sales.send(
    'POST',
    cartPath,
    { productCode: 'II', quantity: 1, termYears: 1 },
    {
      'idempotency-key': firstKey,
    },
  );
  promise(
    firstPost.servedBy === VICTIM &&
      replay.status === 201 &&
      replay.servedBy === SURVIVOR &&
      replay.headers['idempotent-replayed'] === 'true' &&
      isDeepStrictEqual(JSON.parse(replay.body), JSON.parse(firstPost.body)),
    `an idempotent POST answered by ${VICTIM} is replayed by ${SURVIVOR} with the same answer (${replay.status}, idempotent-replayed: ${replay.headers['idempotent-replayed']})`,
  );
  // The cart POSTs the kill broke, retried with their keys: each counts once, whether the dead
  // process had committed it (replayed) or not (run now).
  let replayedRetries = 0;
  for (const record of records.filter((r) => r.kind === 'POST cart line')) {
    if (!record.key) continue;
    if (!failed(record)) {
      keysAdded.add(record.key);
      continue;
    }
    const retry = await sales.send(
      'POST',
      cartPath,
      { productCode: 'II', quantity: 1, termYears: 1 },
      {
        'idempotency-key': record.key,
      },
    );
    if (retry.status === 201) keysAdded.add(record.key);
    else promise(false, `retry of a broken cart POST: ${retry.status} ${retry.body.slice(0, 200)}`);
    if (retry.headers['idempotent-replayed'] === 'true') replayedRetries++;
  }
  const seatsAfter = seatsOf(json<Cart>(await sales.send('GET', `/api/customers/${ACME.customerId}/cart`)));
  promise(
    seatsAfter - seatsBefore === keysAdded.size,
    `the cart has one seat per Idempotency-Key answered 201: ${seatsAfter - seatsBefore} seats, ${keysAdded.size} keys`,
  );

  // Rate limits: the failed logins counted on both processes go on counting on the survivor.
  const guessesAfter: Exchange[] = [];
  for (let i = 0; i < 5; i++) guessesAfter.push(await guess());
  const servedBefore = new Set(guessesBefore.map((g) => g.servedBy));
  promise(
    servedBefore.has(VICTIM) &&
      servedBefore.has(SURVIVOR) &&
      guessesAfter.slice(0, 4).every((g) => g.status === 401 && g.servedBy === SURVIVOR) &&
      guessesAfter[4]?.status === 429,
    `the login limit (10 per email and address) counted 6 failures on both processes, then 4 on ${SURVIVOR}; the 11th: ${guessesAfter[4]?.status}`,
  );
  const keys = (
    await sql.query<{ key: string; hits: number }>(
      "select key, hits from rate_limit_hits where key like 'login:email-ip:billing@demo-reseller.test|%'",
    )
  ).rows;
  promise(
    keys.length === 1 && keys[0]?.key.endsWith('|127.0.0.9') === true,
    `the limit counts the address HAProxy saw, not the client's own X-Forwarded-For (${keys.map((k) => k.key.split('|')[1]).join(', ')})`,
  );

  // Jobs: the email queued before the kill is delivered by the survivor.
  const copiesOf = () => sink.messages.filter((m) => (m.subject ?? '').includes(quote.quoteNumber));
  for (const until = Date.now() + 60_000; copiesOf().length === 0 && Date.now() < until; )
    await new Promise((resolve) => setTimeout(resolve, 50));
  const deliveredMs = performance.now() - killedAt;
  // Time for a second copy to show up, if one were coming.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const copies = copiesOf();
  const rows = await outbox();
  promise(
    copies.length === 1 && rows.length === 1 && rows[0]?.status === 'sent',
    `the quote's copy queued before the kill was delivered once, by ${SURVIVOR} (${copies.length} received, outbox ${rows[0]?.status})`,
  );

  const stats = await proxy.servers();
  const on1 = records.filter((r) => r.exchange.servedBy === VICTIM).length;
  const refused = records.filter((r) => r.exchange.status === 429).length;
  const figures: [string, string][] = [
    ['app processes started (both, one after the other)', `${(startMs / 1000).toFixed(1)} s`],
    [
      'requests under load',
      `${records.length} in ${(loadMs / 1000).toFixed(1)} s (${Math.round((records.length * 1000) / loadMs)}/s)`,
    ],
    [`served by ${VICTIM} / ${SURVIVOR}`, `${on1} / ${records.length - on1}`],
    ['failed logins refused by the rate limit (429)', String(refused)],
    ['in flight at the kill', String(inFlight.length)],
    ['failed', `${failures.length} (${failures.map((r) => r.kind).join(', ') || 'none'})`],
    ['time to mark down (kill → HAProxy DOWN)', `${Math.round(markDownMs)} ms`],
    ['requests after the mark-down', `${afterDown.length}, failed ${afterDown.filter(failed).length}`],
    [
      'HAProxy retries / redispatches',
      stats.map((s) => `${s.name} ${s.retries}/${s.redispatches}`).join(', '),
    ],
    [
      'broken cart POSTs retried (of them replayed)',
      `${failures.filter((r) => r.key).length} (${replayedRetries})`,
    ],
    ['email delivered after the kill', `${(deliveredMs / 1000).toFixed(1)} s`],
  ];
  console.log('\nTwo processes behind HAProxy, one SIGKILLed under load');
  for (const [name, value] of figures) console.log(`  ${name.padEnd(52)} ${value}`);
} catch (error) {
  broken.push(error instanceof Error ? error.message : String(error));
  console.error(error);
} finally {
  if (broken.length > 0) for (const app of apps) console.error(`\n--- ${app.name} log\n${app.logTail()}`);
  await proxy?.stop();
  for (const app of apps) await app.stop();
  await sink.stop();
  await sql.end().catch(() => {});
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
}
if (broken.length > 0) {
  console.error(`\n${broken.length} broken: ${broken.join('; ')}`);
  process.exit(1);
}
console.log('\nAll promises kept.');
