// Customer lookups at volume, over HTTP: every way the search bar opens an account (SPEC §3), on a
// fresh PostgreSQL database (DATABASE_URL names the server; the database is created and dropped)
// holding BENCH_ACCOUNTS customer accounts (default 1,000,000, one contact each) and BENCH_LICENSES
// licenses (default 10,000,000, ten to a subscription pack), each route against the bare Fastify
// ceiling (bench/http-measure.ts). BENCH_SECONDS and BENCH_CONNECTIONS set the load as there; each
// connection is its own user of the demo partner (the lookup limits count per user). BENCH_ONLY
// keeps the routes whose name contains it.
//
// The app makes the demo data through its services (Acme with its pack, licenses and key; Globex
// managed by Demo Reseller); the volume is generated in bulk SQL from deterministic formulas, so the
// bench can name any bulk row (`bulk` routes ask for a random one on every request).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DEMO_PASSWORD, demoIdentifiers } from '../server/demo/demo-data.ts';
import { lookupLimits } from '../server/modules/customers/lookup-attempts.ts';
import { licenseKeyHash } from '../server/shared/license-identifiers.ts';
import { createScratchDatabase } from '../server/test/database.ts';
import {
  connections,
  type Load,
  type LoggedIn,
  login,
  measureAgainstCeiling,
  postgresReachable,
  printTable,
  type Row,
  seconds,
  serverUrl,
  shownUrl,
  startCeiling,
  timesReference,
} from './http-measure.ts';
import { APP_NODE_FLAGS, freePort, startNode, stop } from './processes.ts';

const accounts = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const licenseCount = Number(process.env.BENCH_LICENSES ?? 10_000_000);
/** Only the routes whose name contains this text (e.g. `BENCH_ONLY=bulk`). */
const only = process.env.BENCH_ONLY ?? '';
const PACK_SIZE = 10;
const packCount = Math.ceil(licenseCount / PACK_SIZE);
/** Rows per insert: each statement takes seconds, not minutes, and the load shows progress. */
const BATCH = 200_000;
const DEMO_SALES = 'sales@demo-reseller.test';

// Bulk Customer IDs are 1000001…; the demo's 6703615 and 7012345 stay clear of them.
if (!Number.isInteger(accounts) || accounts < 1 || accounts > 5_000_000)
  throw new Error('BENCH_ACCOUNTS must be 1 to 5,000,000');
if (!Number.isInteger(licenseCount) || licenseCount < 1 || packCount > 10_000_000)
  throw new Error('BENCH_LICENSES must be 1 to 100,000,000');
// Each connection's lookup attempt is in flight until it succeeds and is given back: more
// connections than the partner's limit would be refused (429) by design.
if (connections > lookupLimits.perPartner.limit)
  throw new Error(
    `BENCH_CONNECTIONS must be at most ${lookupLimits.perPartner.limit} (the per-partner limit)`,
  );

// The bulk rows, as functions of their ordinal (1-based). The SQL below computes the same.
const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');
const bulk = {
  customerId: (a: number) => String(1_000_000 + a),
  email: (a: number) => `it@customer-${a}.test`,
  accountOfPack: (p: number) => ((p - 1) % accounts) + 1,
  /** MMYY/ and 7 digits: (p × 3^13) mod 10^7 is one-to-one on 1…10^7, and looks random. */
  packNumber: (p: number) =>
    `${pad(1 + (p % 12), 2)}${pad(15 + (p % 11), 2)}/${pad((BigInt(p) * 1_594_323n) % 10_000_000n, 7)}`,
  packOfLicense: (l: number) => Math.floor((l - 1) / PACK_SIZE) + 1,
  /** L and 9 digits: (l × 3^18) mod 10^9, one-to-one again. */
  licenseId: (l: number) => `L${pad((BigInt(l) * 387_420_489n) % 1_000_000_000n, 9)}`,
  licenseKey: (l: number) => {
    const digits = pad(l, 10);
    return `${bulk.licenseId(l)}-BNCH0-${digits.slice(0, 5)}-${digits.slice(5)}-KEY00`;
  },
  accountOfLicense: (l: number) => bulk.accountOfPack(bulk.packOfLicense(l)),
};
const sqlLicenseId = `'L' || lpad(((g::bigint * 387420489) % 1000000000)::text, 9, '0')`;
const sqlDigits = `lpad(g::text, 10, '0')`;
const sqlLicenseKey = `${sqlLicenseId} || '-BNCH0-' || substr(${sqlDigits}, 1, 5) || '-' || substr(${sqlDigits}, 6, 5) || '-KEY00'`;
const sqlAccountOfPack = (p: string) => `md5('bench-account-' || ((${p} - 1) % ${accounts} + 1))::uuid`;

const random = (n: number) => 1 + Math.floor(Math.random() * n);

/** Runs `statement` over lo…hi in batches of BATCH, with `$1` and `$2` the batch's bounds. */
async function inBatches(client: pg.Client, total: number, statement: string, label: string) {
  const start = performance.now();
  for (let lo = 1; lo <= total; lo += BATCH) {
    await client.query(statement, [lo, Math.min(total, lo + BATCH - 1)]);
    const done = Math.min(total, lo + BATCH - 1);
    if (total >= 2_000_000 && done % 1_000_000 < BATCH)
      console.log(`  ${label}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`);
  }
  const ms = performance.now() - start;
  console.log(`  ${label}: ${total.toLocaleString('en')} rows in ${(ms / 1000).toFixed(1)} s`);
}

/** The volume, cloned in bulk SQL around the demo data the app made through its services. */
async function bulkLoad(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, statement_timeout: 0 });
  await client.connect();
  try {
    // The rows are consistent by construction (checked below): skip the foreign-key triggers, which
    // take half the insert time, where the role may (a superuser). CHECK constraints still apply.
    const unchecked = await client.query('set session_replication_role = replica').then(
      () => true,
      () => false,
    );
    const start = performance.now();
    console.log(
      `bulk load: ${accounts.toLocaleString('en')} accounts, ${packCount.toLocaleString('en')} packs, ${licenseCount.toLocaleString('en')} licenses${unchecked ? ', foreign keys unchecked' : ''}`,
    );
    await inBatches(
      client,
      accounts,
      `insert into customer_accounts (id, customer_id, name, country, created_at)
       select md5('bench-account-' || g)::uuid, (1000000 + g)::text, 'Bench Customer ' || g,
         (array['US','DE','FR','GB','BR','JP','IN','NL'])[1 + g % 8], now() - (g % 3650) * interval '1 day'
       from generate_series($1::int, $2::int) g`,
      'customer_accounts',
    );
    await inBatches(
      client,
      accounts,
      `insert into customer_contacts (customer_account_id, email, name, is_account_admin)
       select md5('bench-account-' || g)::uuid, 'it@customer-' || g || '.test', 'IT ' || g, true
       from generate_series($1::int, $2::int) g`,
      'customer_contacts',
    );
    await inBatches(
      client,
      packCount,
      `insert into subscription_packs (id, customer_account_id, pack_number, created_at)
       select md5('bench-pack-' || g)::uuid, ${sqlAccountOfPack('g')},
         lpad((1 + g % 12)::text, 2, '0') || lpad((15 + g % 11)::text, 2, '0') || '/'
           || lpad(((g::bigint * 1594323) % 10000000)::text, 7, '0'),
         make_date(2015 + g % 11, 1 + g % 12, 1)
       from generate_series($1::int, $2::int) g`,
      'subscription_packs',
    );
    // Product, period and fallback cloned from the demo's Acme license (issued by the service).
    // Their paid-period history (license_periods) is left out: no measured route reads it.
    await inBatches(
      client,
      licenseCount,
      `insert into licenses (license_id, license_key_hash, customer_account_id, subscription_pack_id, product_code,
         assigned_email, period_start, period_end, perpetual_fallback)
       select ${sqlLicenseId}, encode(sha256(convert_to(${sqlLicenseKey}, 'UTF8')), 'hex'),
         ${sqlAccountOfPack(`((g - 1) / ${PACK_SIZE} + 1)`)}, md5('bench-pack-' || ((g - 1) / ${PACK_SIZE} + 1))::uuid,
         d.product_code, case when g % 2 = 0 then 'dev.' || g || '@customer.test' end,
         d.period_start, d.period_end, d.perpetual_fallback
       from generate_series($1::int, $2::int) g,
         (select * from licenses where license_id = '${demoIdentifiers.acmeLicenseId}') d`,
      'licenses',
    );
    const vacuumStart = performance.now();
    // Steady state: autovacuum would have run on a live system (visibility map, statistics).
    await client.query('vacuum analyze customer_accounts, customer_contacts, subscription_packs, licenses');
    console.log(`  vacuum analyze: ${((performance.now() - vacuumStart) / 1000).toFixed(1)} s`);
    console.log(`bulk load took ${((performance.now() - start) / 1000).toFixed(1)} s`);

    // The formulas here and in SQL must agree, or the bulk routes would ask for rows that are not
    // there; and with the foreign keys unchecked (above), a license must still reach its pack and account.
    for (const l of new Set([1, Math.ceil(licenseCount / 2), licenseCount])) {
      const key = bulk.licenseKey(l);
      const { rows: probed } = await client.query(
        `select l.license_key_hash, p.pack_number, a.customer_id, c.email
         from licenses l join subscription_packs p on p.id = l.subscription_pack_id and p.customer_account_id = l.customer_account_id
         join customer_accounts a on a.id = l.customer_account_id
         join customer_contacts c on c.customer_account_id = a.id where l.license_id = $1`,
        [bulk.licenseId(l)],
      );
      const row = probed[0];
      const account = bulk.accountOfLicense(l);
      if (
        !row ||
        row.license_key_hash !== licenseKeyHash(key) ||
        row.pack_number !== bulk.packNumber(bulk.packOfLicense(l)) ||
        row.customer_id !== bulk.customerId(account) ||
        row.email !== bulk.email(account)
      )
        throw new Error(`bulk license ${l} does not match its formulas: ${JSON.stringify(row)}`);
    }

    const { rows: sizes } = await client.query(
      `select c.relname as table, c.reltuples::bigint as rows, pg_size_pretty(pg_relation_size(c.oid)) as heap,
         pg_size_pretty(pg_indexes_size(c.oid)) as indexes, pg_size_pretty(pg_total_relation_size(c.oid)) as total
       from pg_class c where c.relname in ('customer_accounts', 'customer_contacts', 'subscription_packs', 'licenses')
       order by pg_total_relation_size(c.oid) desc`,
    );
    console.log(
      'table'.padEnd(20),
      'rows'.padStart(12),
      'heap'.padStart(9),
      'indexes'.padStart(9),
      'total'.padStart(9),
    );
    for (const s of sizes)
      console.log(
        String(s.table).padEnd(20),
        Number(s.rows).toLocaleString('en').padStart(12),
        String(s.heap).padStart(9),
        String(s.indexes).padStart(9),
        String(s.total).padStart(9),
      );
  } finally {
    await client.end();
  }
}

/** One user of the demo partner per connection, cloned from the demo sales user, each logged in. */
async function loginUsers(databaseUrl: string, base: string, count: number): Promise<LoggedIn[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into partner_users (partner_id, email, name, role, password_hash)
       select u.partner_id, 'bench.sales.' || i || '@demo-reseller.test', 'Bench Sales ' || i, u.role, u.password_hash
       from partner_users u, generate_series(1, $1::int) i where u.email = $2`,
      [count, DEMO_SALES],
    );
  } finally {
    await client.end();
  }
  const sessions: LoggedIn[] = [];
  for (let i = 1; i <= count; i++)
    sessions.push(await login(base, `bench.sales.${i}@demo-reseller.test`, DEMO_PASSWORD));
  return sessions;
}

interface Case {
  name: string;
  path: string;
  /** POST unless said (a GET has no body). */
  method?: 'GET' | 'POST';
  /** The body: the same every time, or a new one for each request (a random bulk row). */
  body: () => unknown;
  random?: boolean;
  expectStatus?: number;
  /** Done once per session before the case runs (e.g. opening the account a search is scoped to). */
  prepare?: (base: string, session: LoggedIn) => Promise<void>;
}

/** Opens a bulk account in a session, with its contact's email (the proof of knowledge). */
async function openBulkAccount(base: string, session: LoggedIn, a: number): Promise<void> {
  const res = await fetch(`${base}/api/customers/open`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({
      identifier: { kind: 'customerId', value: bulk.customerId(a) },
      email: bulk.email(a),
    }),
  });
  if (res.status !== 200) throw new Error(`opening bulk account ${a}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

function cases(): Case[] {
  const ids = demoIdentifiers;
  const acmeEmail = 'it@acme.test';
  const open = '/api/customers/open';
  const byEmail = '/api/customers/find-by-email';
  const withKind = (kind: string, value: string, email?: string) => ({ identifier: { kind, value }, email });
  const account = () => random(accounts);
  const pack = () => random(packCount);
  const license = () => random(licenseCount);
  return [
    {
      name: 'open: Customer ID + email, demo',
      path: open,
      body: () => withKind('customerId', ids.acme, acmeEmail),
    },
    {
      name: 'open: Customer ID + email, bulk',
      path: open,
      random: true,
      body: () => {
        const a = account();
        return withKind('customerId', bulk.customerId(a), bulk.email(a));
      },
    },
    {
      name: 'open: pack number + email, demo',
      path: open,
      body: () => withKind('subscriptionPackNumber', ids.acmePack, acmeEmail),
    },
    {
      name: 'open: pack number + email, bulk',
      path: open,
      random: true,
      body: () => {
        const p = pack();
        return withKind('subscriptionPackNumber', bulk.packNumber(p), bulk.email(bulk.accountOfPack(p)));
      },
    },
    {
      name: 'open: License ID + email, demo',
      path: open,
      body: () => withKind('licenseId', ids.acmeLicenseId, acmeEmail),
    },
    {
      name: 'open: License ID + email, bulk',
      path: open,
      random: true,
      body: () => {
        const l = license();
        return withKind('licenseId', bulk.licenseId(l), bulk.email(bulk.accountOfLicense(l)));
      },
    },
    {
      name: 'open: license key + email, demo',
      path: open,
      body: () => withKind('licenseKey', ids.acmeLicenseKey, acmeEmail),
    },
    {
      name: 'open: license key + email, bulk',
      path: open,
      random: true,
      body: () => {
        const l = license();
        return withKind('licenseKey', bulk.licenseKey(l), bulk.email(bulk.accountOfLicense(l)));
      },
    },
    {
      name: 'open: managed account, no email',
      path: open,
      body: () => withKind('customerId', ids.globex),
    },
    { name: 'find-by-email, demo', path: byEmail, body: () => ({ email: acmeEmail }) },
    {
      name: 'find-by-email, bulk',
      path: byEmail,
      random: true,
      body: () => ({ email: bulk.email(account()) }),
    },
    {
      // Updates & Renewals (issue 8): ten License IDs pasted at once, among 10M licenses. The
      // search is scoped to the open account, so every session opens bulk account 1 first.
      name: 'search licenses: 10 License IDs, bulk',
      path: `/api/customers/${bulk.customerId(1)}/licenses/search`,
      prepare: (base, session) => openBulkAccount(base, session, 1),
      body: () => ({
        mode: 'licenses',
        text: Array.from({ length: PACK_SIZE }, (_, i) => bulk.licenseId(i + 1)).join('\n'),
      }),
    },
    {
      // Updates & Renewals on arrival (issue 18): the open account's subscriptions by end date,
      // among 10M licenses; every session has bulk account 1 open (ten licenses, one pack).
      name: 'list licenses on arrival: all, bulk',
      method: 'GET',
      path: `/api/customers/${bulk.customerId(1)}/licenses?show=all`,
      prepare: (base, session) => openBulkAccount(base, session, 1),
      body: () => undefined,
    },
    {
      name: 'list licenses on arrival: ending in 90 days, bulk',
      method: 'GET',
      path: `/api/customers/${bulk.customerId(1)}/licenses?show=ending90`,
      prepare: (base, session) => openBulkAccount(base, session, 1),
      body: () => undefined,
    },
    {
      name: 'open: no email → 422, bulk',
      path: open,
      random: true,
      expectStatus: 422,
      body: () => withKind('customerId', bulk.customerId(account())),
    },
  ];
}

/** A GET's headers: the session's, without a JSON content type for a body it does not have. */
function withoutContentType(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'),
  );
}

async function benchLookups(bareUrl: string): Promise<Row[]> {
  const scratch = await createScratchDatabase(serverUrl, 'pp_bench_lookups');
  const env: Record<string, string> = {
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    CHECK_RESPONSES: 'false',
    DATABASE_URL: scratch.url,
  };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const start = () =>
    startNode('server/main.ts', { ...env, PORT: String(port) }, `${base}/api/health`, APP_NODE_FLAGS);
  try {
    // The app migrates and makes the demo data, then stops for the load; it starts again on the
    // loaded database (fresh pool and statements, as after a deploy).
    await stop(await start());
    await bulkLoad(scratch.url);
    const app = await start();
    try {
      const sessions = await loginUsers(scratch.url, base, connections);
      const rows: Row[] = [];
      for (const c of cases().filter((c) => c.name.includes(only))) {
        const expectStatus = c.expectStatus ?? 200;
        for (const session of c.prepare ? sessions : []) await c.prepare?.(base, session);
        // One request first, to fail with the app's own answer if the case is wrong.
        const first = sessions[0] as LoggedIn;
        const method = c.method ?? 'POST';
        const res = await fetch(`${base}${c.path}`, {
          method,
          headers: method === 'GET' ? withoutContentType(first.headers) : first.headers,
          ...(method === 'GET' ? {} : { body: JSON.stringify(c.body()) }),
        });
        if (res.status !== expectStatus) throw new Error(`${c.name}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        let next = 0;
        const headersOf = (session: LoggedIn) =>
          method === 'GET' ? withoutContentType(session.headers) : session.headers;
        const load: Load = {
          method,
          expectStatus,
          setupClient: (client) =>
            client.setHeaders(headersOf(sessions[next++ % sessions.length] as LoggedIn)),
          ...(method === 'GET'
            ? {}
            : c.random
              ? { setupRequest: (request) => ({ ...request, body: JSON.stringify(c.body()) }) }
              : { body: JSON.stringify(c.body()) }),
        };
        rows.push(await measureAgainstCeiling(c.name, `${base}${c.path}`, app.pid, seconds, bareUrl, load));
      }
      return rows;
    } finally {
      await stop(app);
    }
  } finally {
    await scratch.drop();
  }
}

if (!(await postgresReachable(serverUrl))) {
  console.log(`PostgreSQL at ${shownUrl(serverUrl)} is not reachable: customer lookups skipped.`);
} else {
  const ceiling = await startCeiling();
  let rows: Row[];
  try {
    rows = await benchLookups(ceiling.url);
  } finally {
    await ceiling.stop();
  }
  printTable(
    `Customer lookups (POST; the license list GET), ${accounts.toLocaleString('en')} accounts and ${licenseCount.toLocaleString('en')} licenses on PostgreSQL, ${connections} connections (a user each), ${seconds} s per route, the ceiling measured before each route; Node ${process.version}`,
    rows,
    { cpu: true },
  );
  const missed = rows.filter((r) => timesReference(r) < 0.15 || r.p99 > 15);
  console.log(
    `targets (≥ 0.15× the ceiling, p99 ≤ 15 ms): ${rows.length - missed.length} of ${rows.length} routes meet both` +
      (missed.length ? `; missed by: ${missed.map((r) => r.name).join(', ')}` : ''),
  );
}
