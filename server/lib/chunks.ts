/**
 * Rows written per statement when a request writes one row per seat. PostgreSQL takes at most
 * 65,535 bind parameters in a statement, and Drizzle builds a `values()` list by recursion, which
 * overflows the stack at a few thousand rows: 1,000 rows of up to 65 columns stay clear of both.
 */
export const ROWS_PER_STATEMENT = 1_000;

/** `items` cut into consecutive slices of at most `size`, in order. */
export function chunksOf<T>(items: readonly T[], size: number = ROWS_PER_STATEMENT): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer: ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
