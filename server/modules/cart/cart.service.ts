import type { AddCartLineRequest, Cart, CartLine } from '../../../contract/cart.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { addYears, todayUtc } from '../../lib/dates.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { sumPrices } from '../../lib/money.ts';
import type { Actor } from '../auth/sessions.ts';
import { findPricedProduct } from '../catalog/catalog.queries.ts';
import { type CustomerAccountRow, findAccountById } from '../customers/customers.queries.ts';
import {
  type CartLineRow,
  deleteCartLine,
  ensureCart,
  findCartLine,
  findSameNewLine,
  insertCartLine,
  listCartLines,
  updateCartLine,
} from './cart.queries.ts';
import { grantsPerpetualFallback, priceTerms } from './line-pricing.ts';

/** The contract's per-line maximum, also enforced when lines merge. */
const MAX_QUANTITY = 10_000;

/**
 * The account a cart or quote request names must be the one open in this session (SPEC §4 "with an
 * account open"): opening it was the proof of knowledge. A page left open in another tab while
 * another account was opened gets a clear conflict instead of writing to the wrong customer.
 */
export async function requireOpenAccount(
  db: Queryable,
  actor: Actor,
  customerId: string,
): Promise<CustomerAccountRow> {
  const account = actor.openCustomerAccountId ? await findAccountById(db, actor.openCustomerAccountId) : null;
  if (!account || account.customerId !== customerId) {
    throw new DomainError(
      'conflict',
      'customer.not_open',
      `Customer account ${customerId} is not open in this session: open it from the search bar.`,
      { field: 'customerId' },
    );
  }
  return account;
}

export async function cartScope(db: Queryable, actor: Actor, customerId: string) {
  const account = await requireOpenAccount(db, actor, customerId);
  const cartId = await ensureCart(db, {
    partnerId: actor.partner.id,
    userId: actor.userId,
    customerAccountId: account.id,
  });
  return { account, cartId };
}

export function presentLine(row: CartLineRow, discountBps: number): CartLine {
  const price = priceTerms(row, row.unitYearlyListMinor, discountBps);
  return {
    id: row.id,
    productCode: row.productCode,
    productName: row.productName,
    kind: row.kind,
    quantity: row.quantity,
    termYears: row.termYears,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    serviceDomain: row.serviceDomain,
    unitListPriceMinor: row.unitYearlyListMinor,
    listPriceMinor: price.listMinor,
    discountMinor: price.discountMinor,
    totalMinor: price.totalMinor,
    perpetualFallback: grantsPerpetualFallback(row.periodStart, row.periodEnd),
  };
}

export async function loadCart(
  db: Queryable,
  actor: Actor,
  account: CustomerAccountRow,
  cartId: string,
): Promise<Cart> {
  const rows = await listCartLines(db, cartId, actor.partner.currency);
  const lines = rows.map((r) => presentLine(r, actor.partner.discountBps));
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
  };
}

export async function getCart(db: Db, actor: Actor, customerId: string): Promise<Cart> {
  const { account, cartId } = await cartScope(db, actor, customerId);
  return loadCart(db, actor, account, cartId);
}

export async function addNewSubscriptions(
  db: Db,
  actor: Actor,
  customerId: string,
  input: AddCartLineRequest,
): Promise<Cart> {
  return db.transaction(async (tx) => {
    const { account, cartId } = await cartScope(tx, actor, customerId);
    const product = await findPricedProduct(tx, input.productCode, actor.partner.currency);
    if (!product) {
      throw new DomainError('not_found', 'catalog.product_not_found', 'No such product in the catalog.', {
        field: 'productCode',
      });
    }
    if (product.requiresServiceDomain && !input.serviceDomain) {
      throw new DomainError(
        'invalid',
        'cart.service_domain_required',
        'Enter the service domain of this cloud product.',
        {
          field: 'serviceDomain',
        },
      );
    }
    if (!product.requiresServiceDomain && input.serviceDomain) {
      throw new DomainError(
        'invalid',
        'cart.service_domain_not_applicable',
        'Only cloud products take a service domain.',
        {
          field: 'serviceDomain',
        },
      );
    }
    const periodStart = todayUtc();
    // The same product, term and domain again is more seats on the line already there.
    const same = await findSameNewLine(tx, cartId, {
      productCode: product.code,
      termYears: input.termYears,
      periodStart,
      serviceDomain: input.serviceDomain ?? null,
    });
    if (same && same.quantity + input.quantity > MAX_QUANTITY) {
      throw new DomainError(
        'invalid',
        'validation.too_big',
        `At most ${MAX_QUANTITY} subscriptions per line.`,
        {
          field: 'quantity',
        },
      );
    }
    if (same) {
      await updateCartLine(tx, cartId, same.id, { quantity: same.quantity + input.quantity });
      return loadCart(tx, actor, account, cartId);
    }
    await insertCartLine(tx, {
      cartId,
      productCode: product.code,
      kind: 'new',
      quantity: input.quantity,
      termYears: input.termYears,
      periodStart,
      periodEnd: addYears(periodStart, input.termYears),
      serviceDomain: input.serviceDomain ?? null,
    });
    return loadCart(tx, actor, account, cartId);
  });
}

export async function changeLine(
  db: Db,
  actor: Actor,
  customerId: string,
  lineId: string,
  changes: { quantity: number; termYears: 1 | 2 },
): Promise<Cart> {
  return db.transaction(async (tx) => {
    const { account, cartId } = await cartScope(tx, actor, customerId);
    const line = await findCartLine(tx, cartId, lineId);
    if (!line) throw notFound('cart.line_not_found', 'No such line in this cart.');
    await updateCartLine(tx, cartId, lineId, {
      quantity: changes.quantity,
      termYears: changes.termYears,
      periodEnd: addYears(line.periodStart, changes.termYears),
    });
    return loadCart(tx, actor, account, cartId);
  });
}

export async function removeLine(db: Db, actor: Actor, customerId: string, lineId: string): Promise<Cart> {
  return db.transaction(async (tx) => {
    const { account, cartId } = await cartScope(tx, actor, customerId);
    if (!(await deleteCartLine(tx, cartId, lineId)))
      throw notFound('cart.line_not_found', 'No such line in this cart.');
    return loadCart(tx, actor, account, cartId);
  });
}
