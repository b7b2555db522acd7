import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

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
