import { describe, expect, it } from 'vitest';
import { grantsPerpetualFallback, priceTerms } from './line-pricing.ts';

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
    expect(grantsPerpetualFallback('2026-11-25', '2027-11-25')).toBe(true);
    expect(grantsPerpetualFallback('2026-11-25', '2027-11-24')).toBe(false);
    expect(grantsPerpetualFallback('2028-02-29', '2029-02-28')).toBe(true);
  });
});
