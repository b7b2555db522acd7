import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../test/database.ts';
import { type Database, MIGRATION_LOCK_KEY, openDatabase } from './client.ts';

/**
 * Processes started together on a fresh database (a deployment scaled out, a rolling upgrade)
 * each apply the pending migrations at start: they take turns, and every one of them starts.
 */
describe.skipIf(!process.env.DATABASE_URL)('migrations of processes started together', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const opened: Database[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL as string, 'migrate_lock');
  });
  afterAll(async () => {
    await Promise.all(opened.map((database) => database.close()));
    await scratch?.drop();
  });

  it('three processes migrating one empty database at once all succeed, each migration applied once', async () => {
    for (let i = 0; i < 3; i++)
      opened.push(await openDatabase({ databaseUrl: scratch.url, dataDir: '', poolSize: 1 }));
    const results = await Promise.allSettled(opened.map((database) => database.migrate()));
    expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
    const reader = new pg.Client({ connectionString: scratch.url });
    await reader.connect();
    try {
      const twice = await reader.query(
        'select hash from drizzle.__drizzle_migrations group by hash having count(*) > 1',
      );
      expect(twice.rows).toEqual([]);
      const quotes = await reader.query<{ n: number }>(
        `select count(*)::int as n from information_schema.tables where table_name = 'quotes'`,
      );
      expect(quotes.rows[0]?.n).toBe(1);
    } finally {
      await reader.end();
    }
  });

  it('a process waits for the lock another one holds, then finds nothing left to apply', async () => {
    const holder = new pg.Client({ connectionString: scratch.url });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const late = await openDatabase({ databaseUrl: scratch.url, dataDir: '', poolSize: 1 });
      opened.push(late);
      let done = false;
      const migrating = late.migrate().then(() => {
        done = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(done).toBe(false);
      await holder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await migrating;
      expect(done).toBe(true);
    } finally {
      await holder.end();
    }
  });
});
