import { and, gte, lt, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { addDays } from './dates.ts';

/**
 * A date range of a list, in days of the user's calendar (lists show dates as the user's days): a
 * day starts `utcOffset` minutes (east of UTC) before that day begins in UTC.
 */
export function dayRange(
  column: PgColumn,
  range: { from?: string | undefined; to?: string | undefined; utcOffset?: number | undefined },
): SQL | undefined {
  const dayStart = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - (range.utcOffset ?? 0) * 60_000);
  return and(
    range.from ? gte(column, dayStart(range.from)) : undefined,
    range.to ? lt(column, dayStart(addDays(range.to, 1))) : undefined,
  );
}
