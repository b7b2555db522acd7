import type { AddCartLineRequest, Cart, CartLine, CartLineIssue } from '../../../contract/cart.ts';
import { limits } from '../../../contract/limits.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { sumPrices } from '../../lib/money.ts';
import type { OpenAccount, PartnerUserActor } from '../auth/actor.ts';
import { findProductForSale } from '../catalog/catalog.service.ts';
import { requireOpenAccount } from '../customers/customers.service.ts';
import { cartActions } from './cart.policy.ts';
import {
  addToSameNewLine,
  type CartLineRow,
  type CartScope,
  clearCart,
  countCartLines,
  deleteCartLine,
  insertCartLine,
  listCartLines,
  lockCart,
  updateCartLine,
} from './cart.queries.ts';
import { grantsPerpetualFallback, linePeriod, priceTerms } from './line-pricing.ts';

interface CartOptions {
  actor: PartnerUserActor;
  meta: RequestMeta;
  /** The account the page shows; it must be the one open in this session. */
  customerId: string;
}

const scopeOf = (actor: PartnerUserActor, account: OpenAccount): CartScope => ({
  partnerId: actor.partner.id,
  userId: actor.userId,
  customerAccountId: account.id,
});

function issueOf(row: CartLineRow): CartLineIssue | null {
  if (!row.productActive) return 'product_withdrawn';
  if (row.unitYearlyListMinor === null) return 'no_price';
  return null;
}

/** A line as it stands today: its period from today, priced live, or flagged if it cannot be sold. */
export function presentLine(row: CartLineRow, discountBps: number, today: string): CartLine {
  const { periodStart, periodEnd } = linePeriod(row, today);
  const issue = issueOf(row);
  const unit = issue === null ? (row.unitYearlyListMinor ?? 0) : 0;
  const price = priceTerms({ ...row, periodStart, periodEnd }, unit, discountBps);
  return {
    id: row.id,
    productCode: row.productCode,
    productName: row.productName,
    kind: row.kind,
    quantity: row.quantity,
    termYears: row.termYears === 1 || row.termYears === 2 ? row.termYears : null,
    periodStart,
    periodEnd,
    serviceDomain: row.serviceDomain,
    unitListPriceMinor: unit,
    listPriceMinor: price.listMinor,
    discountMinor: price.discountMinor,
    totalMinor: price.totalMinor,
    perpetualFallback: grantsPerpetualFallback(row.productKind, periodStart, periodEnd),
    issue,
  };
}

async function loadCart(
  db: Queryable,
  actor: PartnerUserActor,
  account: OpenAccount,
  cartId: string,
  today: string,
): Promise<Cart> {
  const rows = await listCartLines(db, cartId, actor.partner.currency);
  return presentCart(actor, account, rows, today);
}

function presentCart(
  actor: PartnerUserActor,
  account: OpenAccount,
  rows: CartLineRow[],
  today: string,
): Cart {
  const lines = rows.map((r) => presentLine(r, actor.partner.discountBps, today));
  const totals = sumPrices(
    lines.map((l) => ({
      listMinor: l.listPriceMinor,
      discountMinor: l.discountMinor,
      totalMinor: l.totalMinor,
    })),
  );
  return {
    customer: { customerId: account.customerId, name: account.name, country: account.country },
    currency: actor.partner.currency,
    discountPercent: actor.partner.discountBps / 100,
    lines,
    totals: {
      listPriceMinor: totals.listMinor,
      discountMinor: totals.discountMinor,
      totalMinor: totals.totalMinor,
    },
    actions: cartActions(actor, { lines }),
  };
}

/** The cart from the lines the session lookup of GET cart read with the session (one round trip). */
export function showCart(options: CartOptions & { lines: CartLineRow[] }): Cart {
  const { actor, meta } = options;
  const account = requireOpenAccount(actor, options.customerId);
  return presentCart(actor, account, options.lines, todayUtc(meta.now));
}

export async function addNewSubscriptions(
  db: Queryable,
  options: CartOptions & { line: AddCartLineRequest },
): Promise<Cart> {
  const { actor, meta, line } = options;
  const account = requireOpenAccount(actor, options.customerId);
  return db.transaction(async (tx) => {
    const product = await findProductForSale(tx, line.productCode, actor.partner.currency);
    if (!product) {
      throw new DomainError('not_found', 'catalog.product_not_found', 'No such product in the catalog.', {
        field: 'productCode',
        params: { productCode: line.productCode },
      });
    }
    if (product.requiresServiceDomain && !line.serviceDomain) {
      throw new DomainError(
        'invalid',
        'cart.service_domain_required',
        'Enter the service domain of this cloud product.',
        {
          field: 'serviceDomain',
        },
      );
    }
    if (!product.requiresServiceDomain && line.serviceDomain) {
      throw new DomainError(
        'invalid',
        'cart.service_domain_not_applicable',
        'Only cloud products take a service domain.',
        {
          field: 'serviceDomain',
        },
      );
    }
    const cartId = await lockCart(tx, scopeOf(actor, account), meta.now);
    const serviceDomain = line.serviceDomain ?? null;
    // The same product, term and domain again is more seats on the line already there.
    const merged = await addToSameNewLine(
      tx,
      cartId,
      { productCode: product.code, termYears: line.termYears, serviceDomain, quantity: line.quantity },
      limits.quantityMax,
    );
    if (merged === 'too_many') {
      throw new DomainError(
        'invalid',
        'validation.quantity_max',
        `At most ${limits.quantityMax} subscriptions per line.`,
        {
          field: 'quantity',
          params: { max: limits.quantityMax },
        },
      );
    }
    if (merged === 'none') {
      if ((await countCartLines(tx, cartId)) >= limits.cartLinesMax) {
        throw new DomainError('conflict', 'cart.full', `A cart holds at most ${limits.cartLinesMax} lines.`, {
          params: { max: limits.cartLinesMax },
        });
      }
      await insertCartLine(tx, {
        cartId,
        productCode: product.code,
        kind: 'new',
        quantity: line.quantity,
        termYears: line.termYears,
        periodStart: null,
        periodEnd: null,
        serviceDomain,
      });
    }
    return loadCart(tx, actor, account, cartId, todayUtc(meta.now));
  });
}

export async function changeLine(
  db: Queryable,
  options: CartOptions & { lineId: string; quantity: number; termYears: 1 | 2 },
): Promise<Cart> {
  const { actor, meta } = options;
  const account = requireOpenAccount(actor, options.customerId);
  return db.transaction(async (tx) => {
    const cartId = await lockCart(tx, scopeOf(actor, account), meta.now);
    // A standard term again: the end follows from the term (a chosen end date is dropped).
    const changed = await updateCartLine(tx, cartId, options.lineId, {
      quantity: options.quantity,
      termYears: options.termYears,
      periodEnd: null,
    });
    if (!changed) throw notFound('cart.line_not_found', 'No such line in this cart.');
    return loadCart(tx, actor, account, cartId, todayUtc(meta.now));
  });
}

export async function removeLine(db: Queryable, options: CartOptions & { lineId: string }): Promise<Cart> {
  const { actor, meta } = options;
  const account = requireOpenAccount(actor, options.customerId);
  return db.transaction(async (tx) => {
    const cartId = await lockCart(tx, scopeOf(actor, account), meta.now);
    if (!(await deleteCartLine(tx, cartId, options.lineId))) {
      throw notFound('cart.line_not_found', 'No such line in this cart.');
    }
    return loadCart(tx, actor, account, cartId, todayUtc(meta.now));
  });
}

/**
 * The cart as it will be quoted or ordered today, locked until the caller's transaction ends so
 * that it is taken once (parallel Get Quote requests make one quote). Refuses an empty cart and
 * lines that cannot be sold, naming them.
 */
export async function takeCart(
  tx: Queryable,
  options: { actor: PartnerUserActor; account: OpenAccount; meta: RequestMeta },
): Promise<{ cartId: string; lines: CartLine[] }> {
  const { actor, account, meta } = options;
  const cartId = await lockCart(tx, scopeOf(actor, account), meta.now);
  const today = todayUtc(meta.now);
  const lines = (await listCartLines(tx, cartId, actor.partner.currency)).map((r) =>
    presentLine(r, actor.partner.discountBps, today),
  );
  if (lines.length === 0)
    throw new DomainError('conflict', 'cart.empty', 'The cart is empty: add products first.');
  const unavailable = lines.filter((l) => l.issue !== null);
  if (unavailable.length > 0) {
    const products = unavailable.map((l) => l.productCode).join(', ');
    throw new DomainError(
      'conflict',
      'cart.unavailable_lines',
      `These products can no longer be sold as they are in the cart: ${products}. Remove them first.`,
      { params: { products } },
    );
  }
  return { cartId, lines };
}

export async function emptyCart(tx: Queryable, cartId: string): Promise<void> {
  await clearCart(tx, cartId);
}
