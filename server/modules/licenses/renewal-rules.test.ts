import { describe, expect, it } from 'vitest';
import { addYears } from '../../lib/dates.ts';
import { upgradeCredit } from '../../shared/line-pricing.ts';
import { optionsFor, renewalPeriod, renewalWindow, standingOf } from './renewal-rules.ts';

describe('the renewal window (90 days before the end to 6 months after)', () => {
  const end = '2027-02-14';

  it('opens 90 days before the end and closes six months after it', () => {
    expect(renewalWindow(end)).toEqual({ opensOn: '2026-11-16', closesOn: '2027-08-14' });
  });

  it('sorts each day at the edges', () => {
    expect(standingOf(end, '2026-11-15')).toBe('active');
    expect(standingOf(end, '2026-11-16')).toBe('renewable');
    expect(standingOf(end, '2027-02-13')).toBe('renewable');
    expect(standingOf(end, '2027-02-14')).toBe('lapsed');
    expect(standingOf(end, '2027-08-14')).toBe('lapsed');
    expect(standingOf(end, '2027-08-15')).toBe('expired');
  });

  it('counts across a leap day, and six months from 31 August ends on the last day of February', () => {
    // 90 days before 2028-03-01 crosses 29 February 2028.
    expect(renewalWindow('2028-03-01').opensOn).toBe('2027-12-02');
    expect(renewalWindow('2027-08-31').closesOn).toBe('2028-02-29');
    expect(renewalWindow('2026-08-31').closesOn).toBe('2027-02-28');
  });
});

describe('what may be done with a subscription', () => {
  const year = (periodEnd: string) => ({ periodStart: addYears(periodEnd, -1), periodEnd });
  const ide = (periodEnd: string) => ({ productCode: 'II', productKind: 'ide' as const, ...year(periodEnd) });
  const pack = (periodEnd: string) => ({
    productCode: 'ALL',
    productKind: 'pack' as const,
    ...year(periodEnd),
  });
  const cloud = (periodEnd: string) => ({
    productCode: 'YTC',
    productKind: 'cloud' as const,
    ...year(periodEnd),
  });
  const today = '2026-11-26';

  it('offers an active product outside its window only the upgrade', () => {
    expect(optionsFor(ide('2027-06-01'), today)).toMatchObject({
      standing: 'active',
      renew: false,
      upgrade: true,
      downgrade: false,
      window: { opensOn: '2027-03-03' },
    });
  });

  it('renews or upgrades inside the window before the end, and only renews once lapsed', () => {
    expect(optionsFor(ide('2027-02-14'), today)).toMatchObject({
      renew: true,
      upgrade: true,
      downgrade: false,
    });
    expect(optionsFor(ide('2026-10-01'), today)).toMatchObject({
      standing: 'lapsed',
      renew: true,
      upgrade: false,
    });
    expect(optionsFor(ide('2026-05-25'), today)).toMatchObject({
      standing: 'expired',
      renew: false,
      upgrade: false,
    });
  });

  it('downgrades the All Products Pack only at renewal, and never upgrades it or a cloud product', () => {
    expect(optionsFor(pack('2027-01-10'), today)).toMatchObject({
      renew: true,
      upgrade: false,
      downgrade: true,
    });
    expect(optionsFor(pack('2027-06-01'), today)).toMatchObject({
      renew: false,
      upgrade: false,
      downgrade: false,
    });
    expect(optionsFor(cloud('2027-01-10'), today)).toMatchObject({
      renew: true,
      upgrade: false,
      downgrade: false,
    });
  });

  it('upgrades only a period that began before today, not one paid ahead or starting today', () => {
    const renewedAhead = {
      productCode: 'II',
      productKind: 'ide' as const,
      periodStart: '2027-02-14',
      periodEnd: '2028-02-14',
    };
    expect(optionsFor(renewedAhead, today)).toMatchObject({
      standing: 'active',
      renew: false,
      upgrade: false,
    });
    const startsToday = { ...renewedAhead, periodStart: today, periodEnd: '2027-11-26' };
    expect(optionsFor(startsToday, today).upgrade).toBe(false);
    expect(optionsFor({ ...startsToday, periodStart: '2026-11-25' }, today).upgrade).toBe(true);
  });
});

describe('renewal periods and upgrade credits', () => {
  it('starts a renewal at the old end date, even a late one, for the term or to a chosen end', () => {
    expect(renewalPeriod('2026-10-01', { termYears: 1 })).toEqual({
      periodStart: '2026-10-01',
      periodEnd: '2027-10-01',
    });
    expect(renewalPeriod('2028-02-29', { termYears: 1 })).toEqual({
      periodStart: '2028-02-29',
      periodEnd: '2029-02-28',
    });
    expect(renewalPeriod('2027-02-14', { endDate: '2027-06-30' })).toEqual({
      periodStart: '2027-02-14',
      periodEnd: '2027-06-30',
    });
    expect(() => renewalPeriod('2027-02-14', { endDate: '2027-02-14' })).toThrow(RangeError);
  });

  it('credits the unused days at the yearly price, as negative amounts rounded away from zero', () => {
    // 3 seats × 599.00 × 80 days / 365 = 393.86301… → −393.86; 15 % off: −334.783… → −334.78.
    const credit = upgradeCredit(
      { unitYearlyListMinor: 59_900, quantity: 3, periodEnd: '2027-02-14' },
      '2026-11-26',
      1_500,
    );
    expect(credit).toEqual({ listMinor: -39_386, discountMinor: -5_908, totalMinor: -33_478 });
    // One day left: 182.50 a year credits −0.50, 3.65 a year −0.01 (negative halves: money.test.ts).
    expect(
      upgradeCredit({ unitYearlyListMinor: 18_250, quantity: 1, periodEnd: '2026-11-27' }, '2026-11-26', 0),
    ).toEqual({
      listMinor: -50,
      discountMinor: 0,
      totalMinor: -50,
    });
    expect(
      upgradeCredit({ unitYearlyListMinor: 365, quantity: 1, periodEnd: '2026-11-27' }, '2026-11-26', 0)
        .listMinor,
    ).toBe(-1);
    // Nothing is left to credit once the end has passed.
    expect(
      upgradeCredit({ unitYearlyListMinor: 59_900, quantity: 3, periodEnd: '2026-11-01' }, '2026-11-26', 0)
        .listMinor,
    ).toBe(0);
  });
});
