import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { STATEMENT_TIMEOUT_MS } from '../server/db/client.ts';
import type { TestApp } from '../server/test/harness.ts';

/**
 * A connection without the app's statement_timeout, for a bench's bulk load and vacuum, which run
 * far longer than a request may. PGlite has one connection (the limit is lifted, then put back);
 * PostgreSQL gets a connection of its own.
 */
export async function unlimitedConnection(database: TestApp['database']) {
  if (database.kind === 'pglite') {
    await database.db.execute(sql`set statement_timeout = 0`);
    return {
      run: (query: SQL) => database.db.execute(query),
      close: async () => {
        await database.db.execute(sql.raw(`set statement_timeout = ${STATEMENT_TIMEOUT_MS}`));
      },
    };
  }
  const client = new pg.Client({ connectionString: database.url, statement_timeout: 0 });
  await client.connect();
  const dialect = new PgDialect();
  return {
    run: (query: SQL) => {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return client.query(text, params);
    },
    close: () => client.end(),
  };
}
