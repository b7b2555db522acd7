import { is, Param, Placeholder, type Query } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * A statement of the hot path (the session check of every request): built with Drizzle's query
 * builder once, then run by the driver itself as a named statement with rows as arrays. Drizzle's
 * own execution fills placeholders and maps every row through its entity checks again on each call
 * (≈ 80 µs of CPU per query here, a fifth of a logged-in request); this does that work once.
 *
 * Only plain values cross it: strings, numbers, booleans, timestamps (as Date) and JSON. Dates are
 * not (the drivers would turn `date` columns into Date objects): hot reads carry them inside JSON.
 */
export interface HotStatement<Row> {
  execute(values: Record<string, unknown>): Promise<Row[]>;
}

type Binder = (values: Record<string, unknown>) => unknown;

function binderOf(param: unknown): Binder {
  if (is(param, Placeholder)) {
    const { name } = param;
    return (values) => values[name];
  }
  if (is(param, Param) && is(param.value, Placeholder)) {
    const { name } = param.value;
    const { encoder } = param;
    return (values) => encoder.mapToDriverValue(values[name]);
  }
  return () => param;
}

export function prepareHotStatement<Row>(
  database: Database,
  name: string,
  query: { toSQL(): Query },
  columns: readonly (keyof Row & string)[],
): HotStatement<Row> {
  const { sql: text, params } = query.toSQL();
  const binders = params.map(binderOf);
  return {
    async execute(values) {
      const rows = await database.runNamed(
        name,
        text,
        binders.map((bind) => bind(values)),
      );
      return rows.map((row) => {
        const record: Record<string, unknown> = {};
        for (let i = 0; i < columns.length; i++) record[columns[i] as string] = row[i];
        return record as Row;
      });
    },
  };
}
