import type { z } from 'zod';
import type { LineBreakdown, PricedLine, Totals } from '../../contract/cart.ts';
import type { ProductKind } from '../../contract/catalog.ts';
import { addDays, addYears, daysBetween, type IsoDate } from '../lib/dates.ts';
import { type LinePrice, priceLine, sumPrices } from '../lib/money.ts';

export interface LineTerms {
  quantity: number;
  /** 1 or 2 for a standard term; null for a co-termed custom period. */
  termYears: number | null;
  periodStart: IsoDate;
  periodEnd: IsoDate;
}

/** How a cart line stores its period: a fixed start or none, and a term or a chosen end. */
export interface StoredPeriod {
  termYears: number | null;
  /** A renewal's fixed start; null for new subscriptions. */
  periodStart: IsoDate | null;
  /** A co-termed line's chosen end; null for a standard term. */
  periodEnd: IsoDate | null;
}

/**
 * The period a cart line stands for on `today`. New subscriptions start on the day the quote (or
 * order) is made, however long the line waited in the cart; a standard term ends that many years
 * later, a co-termed line on its chosen date.
 */
export function linePeriod(line: StoredPeriod, today: IsoDate): { periodStart: IsoDate; periodEnd: IsoDate } {
  const periodStart = line.periodStart ?? today;
  if (line.periodEnd !== null) return { periodStart, periodEnd: line.periodEnd };
  if (line.termYears === null) throw new Error('a cart line has neither a term nor an end date');
  return { periodStart, periodEnd: addYears(periodStart, line.termYears) };
}

/** Price of a cart or quote line: standard terms by whole years, custom periods by days (SPEC §6). */
export function priceTerms(terms: LineTerms, unitYearlyListMinor: number, discountBps: number): LinePrice {
  const period =
    terms.termYears !== null
      ? { kind: 'years' as const, years: terms.termYears }
      : { kind: 'days' as const, days: daysBetween(terms.periodStart, terms.periodEnd) };
  return priceLine({ unitYearlyListMinor, quantity: terms.quantity, discountBps, period });
}

/**
 * A period of twelve months or more grants a perpetual fallback license (SPEC §11a); a hosted
 * (cloud) product never does: there is nothing to fall back to when the service stops.
 */
export function grantsPerpetualFallback(
  kind: ProductKind,
  periodStart: IsoDate,
  periodEnd: IsoDate,
): boolean {
  return kind !== 'cloud' && periodEnd >= addYears(periodStart, 1);
}

/** The totals of priced lines, with the upgrade credits they include as their own figure. */
export function totalsOf(lines: readonly z.infer<typeof PricedLine>[]): z.infer<typeof Totals> {
  const sum = sumPrices(
    lines.map((l) => ({
      listMinor: l.listPriceMinor,
      discountMinor: l.discountMinor,
      totalMinor: l.totalMinor,
    })),
  );
  return {
    listPriceMinor: sum.listMinor,
    discountMinor: sum.discountMinor,
    totalMinor: sum.totalMinor,
    creditMinor: lines.reduce((acc, l) => acc + (l.credit?.totalMinor ?? 0), 0),
  };
}

/**
 * The unused value of a subscription an upgrade replaces: its yearly list price × the days left
 * (today to its end) / 365 per seat, as a credit (negative amounts, rounded away from zero by the
 * one pricing rule), with the partner's discount, so the credit mirrors what the days cost.
 */
export function upgradeCredit(
  subscription: { unitYearlyListMinor: number; quantity: number; periodEnd: IsoDate },
  today: IsoDate,
  discountBps: number,
): LinePrice {
  const days = Math.max(0, daysBetween(today, subscription.periodEnd));
  return priceLine({
    unitYearlyListMinor: -subscription.unitYearlyListMinor,
    quantity: subscription.quantity,
    discountBps,
    period: { kind: 'days', days },
  });
}

type PricedLineFigures = Pick<
  z.input<typeof PricedLine>,
  'quantity' | 'periodStart' | 'listPriceMinor' | 'discountMinor' | 'totalMinor' | 'credit' | 'fromProduct'
>;

/**
 * An upgrade line as rows (SPEC §11a): the product's own price for the period, the credit for the
 * unused time of the subscription it replaces (positive: it is taken off), and the line total —
 * the line's stored amounts, which already include the credit. The credit runs from the line's
 * start (the day the upgrade was priced) for its days, to the replaced subscription's end. Lines
 * without a credit have no breakdown: their one row says it all.
 */
export function lineBreakdown(line: PricedLineFigures): z.infer<typeof LineBreakdown> | undefined {
  const credit = line.credit;
  if (!credit || (credit.listMinor === 0 && credit.totalMinor === 0)) return undefined;
  const taken = {
    listMinor: -credit.listMinor,
    discountMinor: -(credit.listMinor - credit.totalMinor),
    totalMinor: -credit.totalMinor,
  };
  return {
    price: {
      listMinor: line.listPriceMinor + taken.listMinor,
      discountMinor: line.discountMinor + taken.discountMinor,
      totalMinor: line.totalMinor + taken.totalMinor,
    },
    credit: {
      ...taken,
      productName: line.fromProduct?.productName ?? '',
      seats: line.quantity,
      days: credit.days,
      until: addDays(line.periodStart, credit.days),
    },
    lineTotal: {
      listMinor: line.listPriceMinor,
      discountMinor: line.discountMinor,
      totalMinor: line.totalMinor,
    },
  };
}

/** A line as the API answers it: with its breakdown when it has a credit, and no stale one. */
export function withBreakdown<L extends PricedLineFigures & { breakdown?: unknown }>(
  line: L,
): L & { breakdown?: z.infer<typeof LineBreakdown> } {
  const { breakdown: _stored, ...rest } = line;
  const breakdown = lineBreakdown(line);
  return (breakdown ? { ...rest, breakdown } : rest) as L & { breakdown?: z.infer<typeof LineBreakdown> };
}
