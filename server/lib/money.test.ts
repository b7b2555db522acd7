import { describe, expect, it } from 'vitest';
import { buyPrice, priceLine, roundMinor, sumPrices } from './money.ts';

describe('priceLine', () => {
  it('prices whole years without rounding', () => {
    expect(
      priceLine({
        unitYearlyListMinor: 59_900,
        quantity: 3,
        discountBps: 0,
        period: { kind: 'years', years: 2 },
      }),
    ).toEqual({
      listMinor: 359_400,
      discountMinor: 0,
      totalMinor: 359_400,
    });
  });

  it('applies the partner discount once per line, so list − discount = total', () => {
    // 3 × 159.00 = 477.00; 15 % = 71.55 exactly.
    const price = priceLine({
      unitYearlyListMinor: 15_900,
      quantity: 3,
      discountBps: 1500,
      period: { kind: 'years', years: 1 },
    });
    expect(price).toEqual({ listMinor: 47_700, discountMinor: 7_155, totalMinor: 40_545 });
  });

  it('rounds half up once per line, not per seat', () => {
    // 7 × 0.99 × 12.5 % off = 6.93 − 0.86625 → net 6.06375 rounds to 6.06; per-seat rounding would give 6.09.
    const price = priceLine({
      unitYearlyListMinor: 99,
      quantity: 7,
      discountBps: 1250,
      period: { kind: 'years', years: 1 },
    });
    expect(price.totalMinor).toBe(606);
    expect(price.listMinor - price.discountMinor).toBe(price.totalMinor);
  });

  it('prorates a custom period by days / 365', () => {
    // 599.00 × 100 / 365 = 164.1095… → 164.11
    expect(
      priceLine({
        unitYearlyListMinor: 59_900,
        quantity: 1,
        discountBps: 0,
        period: { kind: 'days', days: 100 },
      }).listMinor,
    ).toBe(16_411);
  });

  it('charges a leap-year period of 366 days slightly more than one year', () => {
    const byDays = priceLine({
      unitYearlyListMinor: 36_500,
      quantity: 1,
      discountBps: 0,
      period: { kind: 'days', days: 366 },
    });
    expect(byDays.listMinor).toBe(36_600);
  });

  it('rounds exact halves up', () => {
    // 0.01 at 50 % off is exactly half a cent: the net rounds up to 1 cent, the discount to 0.
    expect(
      priceLine({
        unitYearlyListMinor: 1,
        quantity: 1,
        discountBps: 5000,
        period: { kind: 'years', years: 1 },
      }),
    ).toEqual({
      listMinor: 1,
      discountMinor: 0,
      totalMinor: 1,
    });
  });

  it('keeps precision for large quantities', () => {
    const price = priceLine({
      unitYearlyListMinor: 77_900,
      quantity: 10_000,
      discountBps: 1500,
      period: { kind: 'years', years: 2 },
    });
    expect(price).toEqual({
      listMinor: 1_558_000_000,
      discountMinor: 233_700_000,
      totalMinor: 1_324_300_000,
    });
  });

  it('prices a credit as the exact mirror of the same charge', () => {
    const terms = { quantity: 3, discountBps: 1250, period: { kind: 'days' as const, days: 137 } };
    const charge = priceLine({ unitYearlyListMinor: 15_900, ...terms });
    const credit = priceLine({ unitYearlyListMinor: -15_900, ...terms });
    expect(credit).toEqual({
      listMinor: -charge.listMinor,
      discountMinor: -charge.discountMinor,
      totalMinor: -charge.totalMinor,
    });
    expect(credit.listMinor - credit.discountMinor).toBe(credit.totalMinor);
  });

  it('rounds negative halves away from zero, not towards it', () => {
    // −0.01 at 50 % off is exactly −half a cent: −1 cent, like +half a cent is +1.
    expect(
      priceLine({
        unitYearlyListMinor: -1,
        quantity: 1,
        discountBps: 5000,
        period: { kind: 'years', years: 1 },
      }),
    ).toEqual({ listMinor: -1, discountMinor: 0, totalMinor: -1 });
    // −599.00 × 100 / 365 = −164.1095… → −164.11 (truncation would give −164.10).
    expect(
      priceLine({
        unitYearlyListMinor: -59_900,
        quantity: 1,
        discountBps: 0,
        period: { kind: 'days', days: 100 },
      }).listMinor,
    ).toBe(-16_411);
  });

  it('rounds with one rule at every sign', () => {
    expect([5n, 15n, 25n, -5n, -15n, -25n, 14n, -14n, 16n, -16n].map((n) => roundMinor(n, 10n))).toEqual([
      1, 2, 3, -1, -2, -3, 1, -1, 2, -2,
    ]);
    expect(() => roundMinor(1n, 0n)).toThrow(RangeError);
  });

  it('refuses fractional amounts, negative quantities and discounts out of range', () => {
    expect(() =>
      priceLine({
        unitYearlyListMinor: 1.5,
        quantity: 1,
        discountBps: 0,
        period: { kind: 'years', years: 1 },
      }),
    ).toThrow(RangeError);
    expect(() =>
      priceLine({
        unitYearlyListMinor: 100,
        quantity: -1,
        discountBps: 0,
        period: { kind: 'years', years: 1 },
      }),
    ).toThrow(RangeError);
    expect(() =>
      priceLine({
        unitYearlyListMinor: 100,
        quantity: 1,
        discountBps: 10_001,
        period: { kind: 'years', years: 1 },
      }),
    ).toThrow(RangeError);
  });
});

describe('buyPrice and sumPrices', () => {
  it('gives the partner price of one seat for one year', () => {
    expect(buyPrice(77_900, 1500)).toBe(66_215);
  });

  it('adds line prices exactly', () => {
    expect(
      sumPrices([
        { listMinor: 100, discountMinor: 15, totalMinor: 85 },
        { listMinor: 200, discountMinor: 30, totalMinor: 170 },
      ]),
    ).toEqual({ listMinor: 300, discountMinor: 45, totalMinor: 255 });
  });
});
