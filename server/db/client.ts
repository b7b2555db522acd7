import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type ConstructorOptions, fromPglite } from 'pg-boss';
import { withNamedStatements } from './pglite-statements.ts';
import * as schema from './schema/index.ts';
import { openStandby, type Standby } from './standby.ts';

export type Schema = typeof schema;
/** The query API both drivers share; services are written against this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** How the job queue (pg-boss) reaches the same database: its own small pool, or the embedded instance. */
  jobQueue: ConstructorOptions;
  /** Runs a named (prepared) statement; rows come back as arrays (see hot-statement.ts). */
  runNamed(name: string, text: string, values: unknown[]): Promise<unknown[][]>;
  /** The streaming-replication standby list pages and searches read from, when configured. */
  standby: Standby<Db> | null;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connections per app process. PostgreSQL runs one query per core at a time: past about twice the
 * cores, more connections only add switching (measured on 2 cores: 10 connections cost the
 * session check 230 µs of database CPU, 4 cost 170 µs).
 */
const defaultPoolSize = () => Math.max(4, 2 * availableParallelism());

/**
 * No statement runs longer than this: a query that would (a pathological search, a lock held by a
 * stuck transaction) fails with 503 instead of holding a connection and a request forever.
 */
export const STATEMENT_TIMEOUT_MS = 5_000;

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** PostgreSQL when a URL is given; otherwise embedded PGlite in `dataDir` (`memory://` for tests). */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  /** A standby of `databaseUrl` that list pages and searches read from (PostgreSQL only). */
  readUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}): Promise<Database> {
  const { databaseUrl } = options;
  if (databaseUrl) {
    const { pool, close } = openPool(databaseUrl, options.poolSize ?? defaultPoolSize());
    // Both drivers build a PgDatabase; only the raw-result type parameter differs, which services never see.
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    let standby: Standby<Db> | null = null;
    if (options.readUrl) {
      const replica = openPool(options.readUrl, options.poolSize ?? defaultPoolSize());
      standby = openStandby(replica, drizzlePg(replica.pool, { schema }) as unknown as Db);
    }
    return {
      db,
      kind: 'postgres',
      jobQueue: { connectionString: databaseUrl, max: 2, application_name: 'partner-portal-jobs' },
      runNamed: async (name, text, values) =>
        (await pool.query<unknown[]>({ name, text, values, rowMode: 'array' })).rows,
      migrate: () => migrateUnderLock(pool, databaseUrl),
      standby,
      close: async () => {
        await standby?.close();
        await close();
      },
    };
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  // PGlite loads contrib extensions on request; the migrations then CREATE EXTENSION as on PostgreSQL.
  const client = await PGlite.create(options.dataDir, { extensions: { btree_gist, pg_trgm } });
  await client.exec(`set statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
  const named = withNamedStatements(client);
  const db = drizzlePglite(named, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    jobQueue: { db: fromPglite(client), backend: 'pglite' },
    // The wrapper names every statement by its text already.
    runNamed: async (_name, text, values) =>
      (await named.query<unknown[]>(text, values, { rowMode: 'array' })).rows,
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    // One embedded database, no standby: every read goes to it.
    standby: null,
    close: () => client.close(),
  };
}

/**
 * The key of the advisory lock migrations take: processes started together (a rolling upgrade,
 * a scaled-out deployment) would otherwise apply the same migration at once, and all but one would
 * fail on the objects the first one made.
 */
export const MIGRATION_LOCK_KEY = 7_319_001;

/**
 * Applies the pending migrations while holding a session-level advisory lock, on a connection of
 * its own (outside the pool, which may have a single connection, and without the statement
 * timeout: the wait lasts as long as another process's migrations). A second process waits, then
 * finds nothing left to apply.
 */
async function migrateUnderLock(pool: pg.Pool, url: string): Promise<void> {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  try {
    await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(pool), { migrationsFolder });
  } finally {
    // Ending the session releases the lock.
    await holder.end();
  }
}

/**
 * Named (prepared) statements on PostgreSQL for the work run inside `fn`. node-postgres sends every
 * Drizzle query as an unnamed statement, which the server parses and plans again each time; a named
 * one is parsed once per connection and bound afterwards, as PGlite's wrapper already does for
 * every statement (pglite-statements.ts). Measured on Place order (about 40 statements an order),
 * PostgreSQL's CPU per order went from 13.6 ms to 8.6 ms. Opt-in, for a use case whose statements
 * are few and fixed: a statement's plan may become generic after five runs, which suits fixed
 * inserts and key lookups, not searches whose best plan depends on the value searched for.
 */
export function withPreparedStatements<T>(fn: () => Promise<T>): Promise<T> {
  return namingStatements.run(true, fn);
}

const namingStatements = new AsyncLocalStorage<boolean>();
/** Statement text → its name, the same on every connection. */
const statementNames = new Map<string, string>();
/** Every connection keeps each statement it was given: at most this many distinct ones. */
const MAX_NAMED_STATEMENTS = 200;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;
/**
 * A search by a pattern: its best plan depends on the pattern (a trigram index for `%acme%`, a scan
 * for `%a%`), and a generic plan, chosen once for all patterns, would serve some of them badly.
 */
const PATTERN_SEARCH = /\s(i?like)\s/i;

function nameOf(text: string): string | undefined {
  const known = statementNames.get(text);
  if (
    known !== undefined ||
    statementNames.size >= MAX_NAMED_STATEMENTS ||
    !NAMEABLE.test(text) ||
    PATTERN_SEARCH.test(text)
  )
    return known;
  const name = `pp_named_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
}

/**
 * The query's config with a name by its text, inside withPreparedStatements(); as it was outside,
 * for a statement without values, or one named already.
 */
function namedConfig(config: unknown, rest: unknown[]): unknown {
  if (namingStatements.getStore() !== true) return config;
  // Drizzle passes the values as the second argument, node-postgres's own callers in the config.
  const values = Array.isArray(rest[0])
    ? rest[0]
    : typeof config === 'object' && config !== null && 'values' in config && Array.isArray(config.values)
      ? config.values
      : [];
  if (
    values.length > 0 &&
    typeof config === 'object' &&
    config !== null &&
    !('name' in config && config.name) &&
    'text' in config &&
    typeof config.text === 'string'
  ) {
    const name = nameOf(config.text);
    if (name) return { ...config, name };
  }
  return config;
}

/**
 * Names the statements sent through `target` (a pool or a connection) inside
 * withPreparedStatements(). The pool's own query() must be wrapped too: a query waiting for a free
 * connection reaches the connection's query() later, in the context of whoever released it, where
 * the request's withPreparedStatements() is no longer seen.
 */
function nameStatements(target: pg.Pool | pg.Client): void {
  const query = target.query;
  target.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    return (query as (...args: unknown[]) => unknown).call(this, namedConfig(config, rest), ...rest);
  } as typeof target.query;
}

/** A connection pool whose close() waits until its connections have gone. */
export function openPool(url: string, max: number): { pool: pg.Pool; close(): Promise<void> } {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Idle connections stay: closing them saves nothing on a small pool, and the idle timer the
    // pool arms on every release of a connection costs 2–3 % of a request's CPU.
    idleTimeoutMillis: 0,
    statement_timeout: STATEMENT_TIMEOUT_MS,
  });
  nameStatements(pool);
  // A connection the server ends (pg_terminate_backend, a restart, a failover) raises 'error':
  // on the pool when it was idle, on the connection itself when a transaction held it between
  // two statements. Unheard, either event ends the process. The statement in flight fails on its
  // own (503), a broken connection is dropped when released, and the next request gets a new one,
  // so a line in the log is all it needs (the message only: these carry no statement or values).
  const connectionLost = (error: Error) => console.warn('database connection lost:', error.message);
  pool.on('error', connectionLost);
  // A connection that dies while checked out goes back to the pool at once, to be dropped: its
  // holder may never give it back (Drizzle's transaction() releases nothing when its BEGIN fails,
  // and every such leak would take one connection of the pool for good). The holder's own
  // release later does nothing.
  const checkedOut = new Set<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  const giveBackDead = (client: pg.PoolClient, error: Error) => {
    if (!checkedOut.has(client)) return;
    const release = client.release;
    client.release = () => undefined;
    release(error);
  };
  // pool.end() resolves before its connections have closed: close() waits for them, so that a
  // database dropped right after (the tests do) does not cut a connection still saying goodbye.
  const open = new Set<pg.Client>();
  pool.on('connect', (client) => {
    nameStatements(client);
    client.on('error', (error) => {
      connectionLost(error);
      giveBackDead(client, error);
    });
    open.add(client);
    client.once('end', () => open.delete(client));
  });
  return {
    pool,
    close: async () => {
      const closing = [...open].map((client) => new Promise((resolve) => client.once('end', resolve)));
      await pool.end();
      await Promise.all(closing);
    },
  };
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
