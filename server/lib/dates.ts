/** Calendar dates as `YYYY-MM-DD` strings in UTC; subscription periods are whole days. */
export type IsoDate = string;

export { addDays, addMonths, addYears, daysBetween } from '../../contract/dates.ts';

export function todayUtc(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** The day of an instant in a user's calendar, `utcOffset` minutes east of UTC (as lists show dates). */
export function userDayOf(instant: Date, utcOffset: number): IsoDate {
  return todayUtc(new Date(instant.getTime() + utcOffset * 60_000));
}
