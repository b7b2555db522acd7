import { describe, expect, it } from 'vitest';
import { grantsPerpetualFallback, linePeriod, priceTerms } from './line-pricing.ts';

describe('line pricing', () => {
  it('prices a standard term by whole years, even across a leap day', () => {
    const price = priceTerms(
      { quantity: 1, termYears: 1, periodStart: '2027-03-01', periodEnd: '2028-03-01' },
      36_500,
      0,
    );
    expect(price.listMinor).toBe(36_500);
  });

  it('prices a co-termed period by its days', () => {
    const price = priceTerms(
      { quantity: 2, termYears: null, periodStart: '2026-11-25', periodEnd: '2027-05-24' },
      36_500,
      0,
    );
    expect(price.listMinor).toBe(2 * 180 * 100);
  });

  it('grants a perpetual fallback license for twelve months or more only', () => {
    expect(grantsPerpetualFallback('ide', '2026-11-25', '2027-11-25')).toBe(true);
    expect(grantsPerpetualFallback('ide', '2026-11-25', '2027-11-24')).toBe(false);
    expect(grantsPerpetualFallback('pack', '2028-02-29', '2029-02-28')).toBe(true);
  });

  it('never grants one for a hosted (cloud) product, whatever the period', () => {
    expect(grantsPerpetualFallback('cloud', '2026-11-25', '2027-11-25')).toBe(false);
    expect(grantsPerpetualFallback('cloud', '2026-11-25', '2028-11-25')).toBe(false);
  });

  it('starts new subscriptions on the day they are quoted, however long they waited', () => {
    const waiting = { termYears: 1, periodStart: null, periodEnd: null };
    expect(linePeriod(waiting, '2026-12-17')).toEqual({ periodStart: '2026-12-17', periodEnd: '2027-12-17' });
    expect(linePeriod({ ...waiting, termYears: 2 }, '2028-02-29')).toEqual({
      periodStart: '2028-02-29',
      periodEnd: '2030-02-28',
    });
  });

  it('keeps a fixed start and a chosen end where the line has them', () => {
    expect(linePeriod({ termYears: 1, periodStart: '2027-03-01', periodEnd: null }, '2026-12-01')).toEqual({
      periodStart: '2027-03-01',
      periodEnd: '2028-03-01',
    });
    expect(linePeriod({ termYears: null, periodStart: null, periodEnd: '2027-06-30' }, '2026-12-01')).toEqual(
      {
        periodStart: '2026-12-01',
        periodEnd: '2027-06-30',
      },
    );
  });
});
