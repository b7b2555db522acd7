import { and, gte, lt, type Placeholder, type SQL } from 'drizzle-orm';
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

/** `column` within bounds (dayBounds), given as instants or as placeholders of a prepared list. */
export function withinBounds(
  column: PgColumn,
  bounds: { from?: Date | Placeholder | undefined; to?: Date | Placeholder | undefined },
): SQL | undefined {
  return and(
    bounds.from ? gte(column, bounds.from) : undefined,
    bounds.to ? lt(column, bounds.to) : undefined,
  );
}
