import { describe, expect, it } from 'vitest';
import {
  grantsPerpetualFallback,
  lineBreakdown,
  linePeriod,
  priceTerms,
  withBreakdown,
} from './line-pricing.ts';

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

describe('co-termed periods (SPEC §6: yearly price × days / 365 per seat, rounded once per line)', () => {
  const custom = (periodStart: string, periodEnd: string, quantity = 1) => ({
    quantity,
    termYears: null,
    periodStart,
    periodEnd,
  });

  it('prices one day, 364, 365 and 366 days, and two years by their days', () => {
    const yearly = 59_900; // 599.00 a year
    const cases: [string, string, number, number][] = [
      ['2026-11-26', '2026-11-27', 1, 164], // 599 × 1 / 365 = 1.641… → 1.64
      ['2026-11-26', '2027-11-25', 364, 59_736], // 597.358… → 597.36
      ['2026-11-26', '2027-11-26', 365, 59_900], // exactly a year
      ['2027-11-26', '2028-11-26', 366, 60_064], // across 29 February 2028: 600.641… → 600.64
      ['2026-11-26', '2028-11-26', 731, 119_964], // two years with a leap day: 1199.641… → 1199.64
    ];
    for (const [start, end, days, expected] of cases) {
      const price = priceTerms(custom(start, end), yearly, 0);
      expect(price.listMinor, `${days} days`).toBe(expected);
    }
  });

  it('rounds once per line, not per seat', () => {
    // 7 seats × 599.00 × 1 / 365 = 11.487… → 11.49; seat by seat it would be 7 × 1.64 = 11.48.
    expect(priceTerms(custom('2026-11-26', '2026-11-27', 7), 59_900, 0).listMinor).toBe(1_149);
  });

  it('prices every currency the same way, in its minor unit, with the partner discount', () => {
    for (const [currency, yearly] of [
      ['USD', 59_900],
      ['EUR', 54_900],
      ['BRL', 299_000],
    ] as const) {
      const price = priceTerms(custom('2026-11-26', '2027-05-26', 3), yearly, 1_500); // 181 days
      const exactList = (yearly * 3 * 181) / 365;
      expect(price.listMinor, currency).toBe(Math.round(exactList));
      expect(price.totalMinor, currency).toBe(Math.round(exactList * 0.85));
      expect(price.listMinor - price.discountMinor).toBe(price.totalMinor);
    }
  });

  it('grants no perpetual fallback license below twelve months, across a leap year too', () => {
    expect(grantsPerpetualFallback('ide', '2027-11-26', '2028-11-25')).toBe(false); // 365 days, leap year
    expect(grantsPerpetualFallback('ide', '2027-11-26', '2028-11-26')).toBe(true);
  });
});

describe('an upgrade line as rows: price, credit, line total', () => {
  const upgrade = {
    quantity: 2,
    periodStart: '2026-12-05',
    listPriceMinor: 60_000,
    discountMinor: 9_000,
    totalMinor: 51_000,
    fromProduct: { productCode: 'PC', productName: 'PyCharm Professional' },
    credit: { days: 200, listMinor: -20_000, totalMinor: -17_000 },
  };

  it('adds the credit back to show the price, and shows the credit as a positive amount', () => {
    expect(lineBreakdown(upgrade)).toEqual({
      price: { listMinor: 80_000, discountMinor: 12_000, totalMinor: 68_000 },
      credit: {
        listMinor: 20_000,
        discountMinor: 3_000,
        totalMinor: 17_000,
        productName: 'PyCharm Professional',
        seats: 2,
        days: 200,
        until: '2027-06-23',
      },
      lineTotal: { listMinor: 60_000, discountMinor: 9_000, totalMinor: 51_000 },
    });
  });

  it('keeps price − credit = line total in every column', () => {
    const rows = lineBreakdown({ ...upgrade, credit: { days: 1, listMinor: -165, totalMinor: -139 } });
    if (!rows) throw new Error('expected a breakdown');
    for (const column of ['listMinor', 'discountMinor', 'totalMinor'] as const) {
      expect(rows.price[column] - rows.credit[column], column).toBe(rows.lineTotal[column]);
      expect(rows.credit[column], column).toBeGreaterThanOrEqual(0);
    }
    expect(rows.price.listMinor - rows.price.discountMinor).toBe(rows.price.totalMinor);
    expect(rows.credit.until).toBe('2026-12-06');
  });

  it('gives no breakdown to a line without a credit, or with a credit of nothing', () => {
    expect(lineBreakdown({ ...upgrade, credit: undefined })).toBeUndefined();
    expect(lineBreakdown({ ...upgrade, credit: { days: 0, listMinor: 0, totalMinor: 0 } })).toBeUndefined();
  });

  it('replaces a breakdown stored with a line by the one its figures give', () => {
    const stale = { ...upgrade, breakdown: { stale: true } };
    expect(withBreakdown(stale).breakdown).toEqual(lineBreakdown(upgrade));
    expect('breakdown' in withBreakdown({ ...stale, credit: undefined })).toBe(false);
  });
});
