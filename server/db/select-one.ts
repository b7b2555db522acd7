import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';

/**
 * The value of a scalar subquery (`(select … )`), e.g. a JSON document built by jsonObject, or
 * null when it matched nothing. Both drivers answer `{ rows }` and parse jsonb themselves.
 */
export async function selectOne<T>(db: Queryable, value: SQL<T>): Promise<T | null> {
  const result = (await db.execute(sql`select ${value} as found`)) as unknown as {
    rows: { found: T | null }[];
  };
  return result.rows[0]?.found ?? null;
}
