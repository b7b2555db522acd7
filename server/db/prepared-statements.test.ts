import { and, eq, ilike, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/database.ts';
import { openDatabase, withPreparedStatements } from './client.ts';
import { products } from './schema/catalog.ts';

// PGlite names every statement already (pglite-statements.ts): this is about node-postgres.
describe.skipIf(!process.env.DATABASE_URL)('named statements on PostgreSQL (withPreparedStatements)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Runs a lookup twice on one connection; answers the statements that connection keeps. */
  const lookUpTwice = (code: string, marker: string) =>
    database.db.transaction(async (tx) => {
      for (let i = 0; i < 2; i++)
        await tx
          .select({ code: products.code })
          .from(products)
          .where(and(eq(products.code, code), sql.raw(`'${marker}' <> ''`)));
      const kept = await tx.execute(sql`select statement from pg_prepared_statements`);
      return (kept as unknown as { rows: { statement: string }[] }).rows.map((row) => row.statement);
    });

  it('prepares a statement with values once on its connection inside withPreparedStatements', async () => {
    const kept = await withPreparedStatements(() => lookUpTwice('WS', 'prepared_marker'));
    expect(kept.filter((text) => text.includes('prepared_marker'))).toHaveLength(1);
  });

  it('leaves statements outside it unnamed, as before', async () => {
    const kept = await lookUpTwice('WS', 'unnamed_marker');
    expect(kept.filter((text) => text.includes('unnamed_marker'))).toHaveLength(0);
  });

  it('leaves a search by a pattern unnamed even inside it (its best plan depends on the pattern)', async () => {
    const kept = await withPreparedStatements(() =>
      database.db.transaction(async (tx) => {
        for (let i = 0; i < 2; i++)
          await tx
            .select({ code: products.code })
            .from(products)
            .where(and(ilike(products.name, '%storm%'), sql.raw(`'pattern_marker' <> ''`)));
        const rows = await tx.execute(sql`select statement from pg_prepared_statements`);
        return (rows as unknown as { rows: { statement: string }[] }).rows.map((row) => row.statement);
      }),
    );
    expect(kept.filter((text) => text.includes('pattern_marker'))).toHaveLength(0);
  });

  it('names the statements that waited for a free connection too', async () => {
    // One connection, made outside: a query queued for it is sent from the callback of the query
    // before it, in the context of that connection, not of the request that asked.
    const single = await openDatabase({ databaseUrl: database.url as string, dataDir: '', poolSize: 1 });
    try {
      await single.db.execute(sql`select 1`);
      const markers = ['queued_marker_a', 'queued_marker_b', 'queued_marker_c'];
      await withPreparedStatements(() =>
        Promise.all(
          markers.map((marker) =>
            single.db
              .select({ code: products.code })
              .from(products)
              .where(and(eq(products.code, 'WS'), sql.raw(`'${marker}' <> ''`))),
          ),
        ),
      );
      const kept = await single.db.execute(sql`select statement from pg_prepared_statements`);
      const texts = (kept as unknown as { rows: { statement: string }[] }).rows.map((row) => row.statement);
      expect(markers.filter((marker) => texts.some((text) => text.includes(marker)))).toEqual(markers);
    } finally {
      await single.close();
    }
  });

  it('answers the same rows both ways', async () => {
    const lookUp = () =>
      database.db.select({ code: products.code }).from(products).where(eq(products.code, 'WS'));
    const plain = await lookUp();
    const named = await withPreparedStatements(async () => [await lookUp(), await lookUp()]);
    expect(named).toEqual([plain, plain]);
  });
});
