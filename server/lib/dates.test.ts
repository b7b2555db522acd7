import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, todayUtc } from './dates.ts';

describe('calendar dates', () => {
  it('adds years, turning 29 February into 28 February', () => {
    expect(addYears('2026-11-25', 1)).toBe('2027-11-25');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('counts days across a leap day', () => {
    expect(daysBetween('2027-03-01', '2028-03-01')).toBe(366);
    expect(daysBetween('2026-11-25', '2027-11-25')).toBe(365);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-25', 30)).toBe('2026-12-25');
  });

  it('takes today in UTC', () => {
    expect(todayUtc(new Date('2026-11-25T23:59:59-03:00'))).toBe('2026-11-26');
  });
});
