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
