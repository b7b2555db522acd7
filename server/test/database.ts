import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.ts';

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new, empty database on the PostgreSQL server of `serverUrl`: its URL, and how to drop it. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

export interface TestDatabase extends Database {
  /** The PostgreSQL database's URL (undefined on PGlite), for tools that need their own connection. */
  url: string | undefined;
}

/** The URL of the database `databaseUrl` names, on the server `serverUrl` names (a standby). */
export function sameDatabaseOn(serverUrl: string, databaseUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = new URL(databaseUrl).pathname;
  return url.toString();
}

/**
 * Waits until the standby of `standbyServerUrl` has replayed everything the primary of
 * `primaryUrl` has written so far (a database created there, its migrations, its rows).
 */
export async function waitForReplay(primaryUrl: string, standbyServerUrl: string, timeoutMs = 30_000) {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const standby = new pg.Client({ connectionString: sameDatabaseOn(standbyServerUrl, primaryUrl) });
  await primary.connect();
  await standby.connect();
  try {
    const { rows } = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    const target = rows[0]?.lsn;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const replayed = await standby.query<{ done: boolean }>(
        'select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as done',
        [target],
      );
      if (replayed.rows[0]?.done) return;
      if (Date.now() > deadline) throw new Error(`the standby has not replayed ${target} in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await primary.end();
    await standby.end();
  }
}

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new database on
 * the PostgreSQL server named by DATABASE_URL (dropped again on close). With `standby` and
 * DATABASE_READ_URL (a streaming-replication standby of that server: scripts/start-standby.sh),
 * list pages and searches read the same database on the standby. With `standby: 'unreachable'`,
 * they are sent to a standby address nothing answers on (port 1), as when the standby is down.
 */
export async function openTestDatabase(
  options: { standby?: boolean | 'unreachable' } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return { ...database, url: undefined };
  }
  const scratch = await createScratchDatabase(serverUrl, 'pp_test');
  const standbyServer =
    options.standby === 'unreachable'
      ? 'postgres://postgres@127.0.0.1:1/postgres'
      : options.standby
        ? process.env.DATABASE_READ_URL
        : undefined;
  const database = await openDatabase({
    databaseUrl: scratch.url,
    readUrl: standbyServer && sameDatabaseOn(standbyServer, scratch.url),
    dataDir: '',
  });
  await database.migrate();
  // The new database reaches the standby a moment later.
  if (standbyServer && options.standby !== 'unreachable') await waitForReplay(scratch.url, standbyServer);
  return {
    ...database,
    url: scratch.url,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
