/** Calendar dates as `YYYY-MM-DD` strings in UTC; subscription periods are whole days. */
export type IsoDate = string;

export { addDays, addMonths, addYears, daysBetween } from '../../contract/dates.ts';

export function todayUtc(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}
