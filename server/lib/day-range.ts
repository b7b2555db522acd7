import { and, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { addDays } from './dates.ts';

export interface DayRangeFilter {
  from?: string | undefined;
  to?: string | undefined;
  utcOffset?: number | undefined;
}

/**
 * A date range of a list, in days of the user's calendar (lists show dates as the user's days), as
 * instants: a day starts `utcOffset` minutes (east of UTC) before that day begins in UTC, and `to`
 * is exclusive (the start of the day after the last one).
 */
export function dayBounds(range: DayRangeFilter): { from: Date | undefined; to: Date | undefined } {
  const dayStart = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - (range.utcOffset ?? 0) * 60_000);
  return {
    from: range.from ? dayStart(range.from) : undefined,
    to: range.to ? dayStart(addDays(range.to, 1)) : undefined,
  };
}

/**
 * `column` within a list's days: the placeholders `from` and `to` (their values: dayBounds) of
 * the bounds that are set, for a statement built once per shape.
 */
export function withinDays(column: PgColumn, set: { from: boolean; to: boolean }): SQL | undefined {
  return and(
    set.from ? gte(column, sql.placeholder('from')) : undefined,
    set.to ? lt(column, sql.placeholder('to')) : undefined,
  );
}
