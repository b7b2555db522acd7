import { type Column, type SQL, sql } from 'drizzle-orm';

/** What a column or SQL expression becomes inside a JSON document built by PostgreSQL. */
type JsonOf<V> = V extends Column
  ? V['_']['notNull'] extends true
    ? JsonValue<V['_']['data']>
    : JsonValue<V['_']['data']> | null
  : V extends SQL<infer T>
    ? T
    : never;
type JsonValue<T> = T extends Date ? string : T;

export type JsonFields = Record<string, Column | SQL>;
export type JsonObjectOf<F extends JsonFields> = { [K in keyof F]: JsonOf<F[K]> };

/**
 * `json_build_object(...)` from named columns: one value that carries a whole resource (with its
 * lines) out of a single statement, e.g. a lookup that shares the session check's round trip.
 * Timestamps arrive as ISO strings, dates as `YYYY-MM-DD`, numbers as numbers. `json`, not
 * `jsonb`: the value is only read once, and building `jsonb` (sorting and deduplicating keys) costs
 * PostgreSQL twice the CPU of the whole lookup here.
 */
export function jsonObject<F extends JsonFields>(fields: F): SQL<JsonObjectOf<F>> {
  const parts = Object.entries(fields).map(
    ([key, value]) => sql`${sql.raw(`'${key.replaceAll("'", "''")}'`)}, ${value}`,
  );
  return sql<JsonObjectOf<F>>`json_build_object(${sql.join(parts, sql`, `)})`;
}
