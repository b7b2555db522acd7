import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { type Prepared, shapedStatements } from './shaped-statements.ts';

/**
 * The total of a list as a column of its page: `counting` (a `select count(*)` of the same
 * filters) as an uncorrelated scalar subquery, which PostgreSQL computes once and hands to every
 * row. A page and its total then cost one statement, one round trip, instead of two.
 */
export function totalColumn(counting: SQLWrapper): SQL<number> {
  return sql<number>`(${counting})`.mapWith(Number);
}

/**
 * The page's rows without their `total` column, and the total: from the first row, else 0 on the
 * first page (nothing matches), else (a page past the end: no row to carry it) by running
 * `count`, the statement `totalColumn` embedded.
 */
export async function pageAndTotal<Row extends { total: number }>(
  rows: Row[],
  page: number,
  count: () => PromiseLike<{ total: number }[]>,
): Promise<{ items: Omit<Row, 'total'>[]; total: number }> {
  const first = rows[0];
  const total = first ? first.total : page === 1 ? 0 : ((await count())[0]?.total ?? 0);
  return { items: rows.map(({ total: _total, ...row }) => row), total };
}

/** The rows of page `page` (from 1) of `pageSize`, as the placeholders of a list's statement. */
export const pageWindow = (page: number, pageSize: number) => ({
  limit: pageSize,
  offset: (page - 1) * pageSize,
});

type Preparable<Values, Row> = SQLWrapper & { prepare(name: string): Prepared<Values, Row> };

/**
 * A list's page, its total on the rows (totalColumn of `counting`) and the count run alone past
 * the end, both statements built once per shape (shapedStatements `<name>_page`, `<name>_count`).
 * `page` builds the page's statement with the `total` column it is given.
 */
export function shapedListPage<
  Shape,
  Values extends { limit: number; offset: number },
  Row extends { total: number },
>(
  name: string,
  keyOf: (shape: Shape) => string | null,
  counting: (db: Queryable, shape: Shape) => Preparable<Values, { total: number }>,
  page: (db: Queryable, shape: Shape, total: SQL<number>) => { prepare(name: string): Prepared<Values, Row> },
): (db: Queryable, shape: Shape, values: Values) => Promise<{ items: Omit<Row, 'total'>[]; total: number }> {
  const count = shapedStatements(`${name}_count`, keyOf, counting);
  const rows = shapedStatements(`${name}_page`, keyOf, (db, shape: Shape) =>
    page(db, shape, totalColumn(counting(db, shape))),
  );
  return async (db, shape, values) =>
    pageAndTotal(await rows(db, shape, values), values.offset / values.limit + 1, () =>
      count(db, shape, values),
    );
}
