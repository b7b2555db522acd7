import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inUserDays, utcOffsetAt } from './utc-offset.ts';

describe('utcOffsetAt', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('is minutes east of UTC on the day, daylight saving included', () => {
    process.env.TZ = 'America/Sao_Paulo';
    expect(utcOffsetAt('2026-05-10')).toBe(-180);
    process.env.TZ = 'Europe/Lisbon';
    // −0 in winter: the same as 0 once in the query string.
    expect(utcOffsetAt('2026-01-15') === 0).toBe(true);
    expect(utcOffsetAt('2026-07-15')).toBe(60);
  });
});

describe('inUserDays', () => {
  beforeEach(() => {
    process.env.TZ = 'Asia/Kolkata';
  });

  it('adds where the user’s days begin to the filters, unchanged otherwise', () => {
    expect(inUserDays({ from: '2026-05-01', q: 'acme', page: 2 })).toEqual({
      from: '2026-05-01',
      q: 'acme',
      page: 2,
      utcOffset: 330,
    });
  });

  it('takes today’s offset when the range has no start', () => {
    expect(inUserDays({ from: undefined }).utcOffset).toBe(330);
  });
});
