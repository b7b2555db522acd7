import type { ProductKind } from '../../../contract/catalog.ts';
import { addDays, addMonths, addYears, type IsoDate } from '../../lib/dates.ts';

/**
 * The renewal, upgrade and downgrade rules of SPEC §5 and §11a, as plain functions of a
 * subscription's product and paid period and of today. Nothing here reads the database.
 */

/** A subscription may be renewed from this many days before its end… */
export const RENEWAL_OPENS_DAYS_BEFORE = 90;
/** …until this many months after it (a late renewal starts at the old end, so the gap is paid). */
export const RENEWAL_CLOSES_MONTHS_AFTER = 6;
/** The product an upgrade leads to and a downgrade leaves. */
export const ALL_PRODUCTS_PACK = 'ALL';

/**
 * Where a subscription stands today:
 * - `active`: running, its renewal window not open yet (only the upgrade is offered);
 * - `renewable`: running, inside the window before its end;
 * - `lapsed`: ended, still inside the window (a renewal starts at the old end);
 * - `expired`: ended more than six months ago (a new subscription is bought instead).
 */
export type Standing = 'active' | 'renewable' | 'lapsed' | 'expired';

export interface RenewalWindow {
  opensOn: IsoDate;
  /** The last day a renewal is accepted. */
  closesOn: IsoDate;
}

export function renewalWindow(periodEnd: IsoDate): RenewalWindow {
  return {
    opensOn: addDays(periodEnd, -RENEWAL_OPENS_DAYS_BEFORE),
    closesOn: addMonths(periodEnd, RENEWAL_CLOSES_MONTHS_AFTER),
  };
}

/** `periodEnd` is the first day no longer covered (periods are [start, end) in whole days). */
export function standingOf(periodEnd: IsoDate, today: IsoDate): Standing {
  const window = renewalWindow(periodEnd);
  if (today < window.opensOn) return 'active';
  if (today < periodEnd) return 'renewable';
  if (today <= window.closesOn) return 'lapsed';
  return 'expired';
}

export interface Subscription {
  productCode: string;
  productKind: ProductKind;
  /** The license's latest paid period (a renewal paid ahead starts in the future). */
  periodStart: IsoDate;
  periodEnd: IsoDate;
}

export interface Options {
  standing: Standing;
  window: RenewalWindow;
  /** Renew the same product from the old end date. */
  renew: boolean;
  /** Single product → All Products Pack, from today to the old end date, the unused value credited. */
  upgrade: boolean;
  /** All Products Pack → single products, at renewal only. */
  downgrade: boolean;
}

/**
 * What may be done with a subscription today. An upgrade needs a running desktop product (not the
 * pack itself, not a hosted cloud product, which the pack does not include) whose latest period
 * began before today: it replaces the rest of that period, so not one paid ahead (renewed early)
 * nor one starting today (there is nothing yet to credit but all of it). A downgrade is a renewal
 * of the pack as single products, so only inside the window.
 */
export function optionsFor(subscription: Subscription, today: IsoDate): Options {
  const standing = standingOf(subscription.periodEnd, today);
  const inWindow = standing === 'renewable' || standing === 'lapsed';
  const running = standing === 'active' || standing === 'renewable';
  const isPack = subscription.productCode === ALL_PRODUCTS_PACK;
  const desktop = subscription.productKind === 'ide' || subscription.productKind === 'tool';
  return {
    standing,
    window: renewalWindow(subscription.periodEnd),
    renew: inWindow,
    upgrade: running && desktop && !isPack && subscription.periodStart < today,
    downgrade: inWindow && isPack,
  };
}

/** A renewal's period: from the old end date (even when renewed late), for the term or to a chosen end. */
export function renewalPeriod(
  periodEnd: IsoDate,
  term: { termYears: number } | { endDate: IsoDate },
): { periodStart: IsoDate; periodEnd: IsoDate } {
  const end = 'endDate' in term ? term.endDate : addYears(periodEnd, term.termYears);
  if (end <= periodEnd) throw new RangeError(`a renewal must end after ${periodEnd}`);
  return { periodStart: periodEnd, periodEnd: end };
}
