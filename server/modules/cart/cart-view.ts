import type { Cart, CartDetails, CartLine, CartLineIssue } from '../../../contract/cart.ts';
import { limits } from '../../../contract/limits.ts';
import type { Queryable } from '../../db/client.ts';
import { addDays, addYears, daysBetween } from '../../lib/dates.ts';
import { sumPrices } from '../../lib/money.ts';
import type { OpenAccount, PartnerUserActor } from '../../shared/actor.ts';
import {
  grantsPerpetualFallback,
  linePeriod,
  priceTerms,
  totalsOf,
  upgradeCredit,
  withBreakdown,
} from '../../shared/line-pricing.ts';
import { cartActions } from './cart.policy.ts';
import { type CartDetailsRow, type CartLineRow, findCartDetails, listCartLines } from './cart.queries.ts';

// The cart as the API shows it: each line priced as of today, flagged when it cannot be quoted.

function issueOf(
  row: CartLineRow,
  period: { periodStart: string; periodEnd: string },
  today: string,
): CartLineIssue | null {
  if (!row.productActive) return 'product_withdrawn';
  if (row.unitYearlyListMinor === null) return 'no_price';
  if (row.kind === 'upgrade' && row.fromUnitYearlyListMinor === null) return 'no_price';
  if (period.periodEnd <= period.periodStart) return 'period_ended';
  // An upgrade replaces a running subscription: once that has ended, there is nothing to upgrade.
  if (row.defaultPeriodEnd !== null && row.defaultPeriodEnd <= today) return 'period_ended';
  return null;
}

/** The end dates Set Custom accepts: after the start (an upgrade: not before the old end), up to 3 years on. */
function endRangeOf(row: CartLineRow, periodStart: string): CartLine['endRange'] {
  const dayAfter = addDays(periodStart, 1);
  const min =
    row.defaultPeriodEnd !== null && row.defaultPeriodEnd > dayAfter ? row.defaultPeriodEnd : dayAfter;
  return { min, max: addYears(periodStart, limits.customPeriodMaxYears) };
}

/**
 * A line as it stands today: its period from today, priced live, or flagged if it cannot be sold.
 * An upgrade also carries its credit for the unused days of the subscription it replaces, included
 * in its amounts and shown on its own.
 */
export function presentLine(row: CartLineRow, discountBps: number, today: string): CartLine {
  return withBreakdown(pricedLine(row, discountBps, today));
}

function pricedLine(row: CartLineRow, discountBps: number, today: string): CartLine {
  const defaultTermYears = row.termYears === 1 || row.termYears === 2 ? row.termYears : null;
  // A chosen end date (Set Custom) wins over the standard term the line keeps for Set Default.
  const termYears = row.periodEnd === null ? defaultTermYears : null;
  const { periodStart, periodEnd } = linePeriod(
    { ...row, termYears, periodEnd: row.periodEnd ?? row.defaultPeriodEnd },
    today,
  );
  const issue = issueOf(row, { periodStart, periodEnd }, today);
  const unit = issue === null ? (row.unitYearlyListMinor ?? 0) : 0;
  // A co-termed end that has passed while the line waited prices as nothing until a new one is chosen.
  const priced =
    issue === 'period_ended' ? { periodStart, periodEnd: periodStart } : { periodStart, periodEnd };
  const price = priceTerms({ quantity: row.quantity, termYears, ...priced }, unit, discountBps);
  const credit =
    row.kind === 'upgrade' && row.defaultPeriodEnd !== null && issue === null
      ? {
          days: daysBetween(today, row.defaultPeriodEnd),
          price: upgradeCredit(
            {
              unitYearlyListMinor: row.fromUnitYearlyListMinor ?? 0,
              quantity: row.quantity,
              periodEnd: row.defaultPeriodEnd,
            },
            today,
            discountBps,
          ),
        }
      : null;
  const amounts = credit ? sumPrices([price, credit.price]) : price;
  return {
    id: row.id,
    productCode: row.productCode,
    productName: row.productName,
    kind: row.kind,
    quantity: row.quantity,
    termYears,
    periodStart,
    periodEnd,
    serviceDomain: row.serviceDomain,
    unitListPriceMinor: unit,
    listPriceMinor: amounts.listMinor,
    discountMinor: amounts.discountMinor,
    totalMinor: amounts.totalMinor,
    perpetualFallback: issue === null && grantsPerpetualFallback(row.productKind, periodStart, periodEnd),
    issue,
    defaultTermYears,
    defaultPeriodEnd: row.defaultPeriodEnd,
    endRange: endRangeOf(row, periodStart),
    ...(row.licenseIds.length > 0 ? { licenseIds: row.licenseIds } : {}),
    ...(row.fromProductCode
      ? {
          fromProduct: {
            productCode: row.fromProductCode,
            productName: row.fromProductName ?? row.fromProductCode,
          },
        }
      : {}),
    ...(credit
      ? {
          credit: {
            days: credit.days,
            listMinor: credit.price.listMinor,
            totalMinor: credit.price.totalMinor,
          },
        }
      : {}),
  };
}

/** The Details tab's choices as the API shows them. */
export function presentDetails(row: CartDetailsRow | null): CartDetails {
  const team =
    row?.teamId && row.teamName
      ? { id: row.teamId, name: row.teamName }
      : row?.newTeamName
        ? { id: null, name: row.newTeamName }
        : null;
  return { team, pack: row?.packNumber ? { packNumber: row.packNumber } : null };
}

export async function loadCart(
  db: Queryable,
  actor: PartnerUserActor,
  account: OpenAccount,
  cartId: string,
  today: string,
): Promise<Cart> {
  const [rows, details] = await Promise.all([
    listCartLines(db, cartId, actor.partner.currency),
    findCartDetails(db, cartId),
  ]);
  return presentCart(actor, account, rows, details, today);
}

export function presentCart(
  actor: PartnerUserActor,
  account: OpenAccount,
  rows: CartLineRow[],
  details: CartDetailsRow | null,
  today: string,
): Cart {
  const lines = rows.map((r) => presentLine(r, actor.partner.discountBps, today));
  return {
    customer: { customerId: account.customerId, name: account.name, country: account.country },
    details: presentDetails(details),
    currency: actor.partner.currency,
    discountPercent: actor.partner.discountBps / 100,
    lines,
    totals: totalsOf(lines),
    actions: cartActions(actor, { lines }),
  };
}
