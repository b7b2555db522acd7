import { addYears, daysBetween, type IsoDate } from '../../lib/dates.ts';
import { type LinePrice, priceLine } from '../../lib/money.ts';

export interface LineTerms {
  quantity: number;
  /** 1 or 2 for a standard term; null for a co-termed custom period. */
  termYears: number | null;
  periodStart: IsoDate;
  periodEnd: IsoDate;
}

/** Price of a cart or quote line: standard terms by whole years, custom periods by days (SPEC §6). */
export function priceTerms(terms: LineTerms, unitYearlyListMinor: number, discountBps: number): LinePrice {
  const period =
    terms.termYears !== null
      ? { kind: 'years' as const, years: terms.termYears }
      : { kind: 'days' as const, days: daysBetween(terms.periodStart, terms.periodEnd) };
  return priceLine({ unitYearlyListMinor, quantity: terms.quantity, discountBps, period });
}

/** A period of twelve months or more grants a perpetual fallback license (SPEC §11a). */
export function grantsPerpetualFallback(periodStart: IsoDate, periodEnd: IsoDate): boolean {
  return periodEnd >= addYears(periodStart, 1);
}
