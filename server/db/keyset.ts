import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/**
 * Every row of a list, in batches of `size`: each batch is the statement `next` run for the rows
 * after the last row of the batch before (keyset pagination: the list's order by a unique key),
 * the first with `after` null. No transaction or cursor stays open between batches, so an export
 * read slowly by its client holds no connection (the embedded database has only one) and no
 * snapshot; a row written meanwhile may or may not be in it, as on a list page.
 */
export async function* keysetBatches<Row>(
  size: number,
  next: (after: Row | null, limit: number) => Promise<Row[]>,
): AsyncGenerator<Row[]> {
  let after: Row | null = null;
  for (;;) {
    const rows = await next(after, size);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < size || last === undefined) return;
    after = last;
  }
}

/**
 * For a list in descending order of `columns` (the last one unique): the rows after the row whose
 * last column is the placeholder `after`, or every row when `after` is null. The row is found by
 * that key rather than given by its values, so a timestamp's microseconds (which JavaScript's Date
 * drops) never make a batch skip or repeat a row. The key is compared as its own type, so its
 * index finds the row.
 */
export function afterRow(table: PgTable, columns: readonly [PgColumn, ...PgColumn[]]): SQL {
  const key = columns.at(-1) as PgColumn;
  const inner = sql.join(
    columns.map((column) => sql`k.${sql.identifier(column.name)}`),
    sql`, `,
  );
  return sql`(${sql.placeholder('after')}::text is null or (${sql.join([...columns], sql`, `)}) <
    (select ${inner} from ${table} k where k.${sql.identifier(key.name)} = ${sql.placeholder('after')}))`;
}
