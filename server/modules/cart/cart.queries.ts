import { and, asc, count, eq, gte, inArray, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/pg-core';
import type { LineKind } from '../../../contract/cart.ts';
import type { ProductKind } from '../../../contract/catalog.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Queryable } from '../../db/client.ts';
import {
  cartLineLicenses,
  cartLines,
  carts,
  customerTeams,
  licenses,
  productPrices,
  products,
  subscriptionPacks,
} from '../../db/schema/index.ts';
import { chunksOf } from '../../lib/chunks.ts';
import { jsonObject } from '../../lib/json-sql.ts';

const qb = new QueryBuilder();
/** The product an upgrade or downgrade leaves, and its price (the upgrade credit). */
const fromProducts = alias(products, 'from_products');
const fromPrices = alias(productPrices, 'from_prices');

/** The columns of a cart line, as inserted. */
export type NewCartLine = typeof cartLines.$inferInsert;

export interface CartScope {
  partnerId: string;
  userId: string;
  customerAccountId: string;
}

export interface CartLineRow {
  id: string;
  productCode: string;
  productName: string;
  productKind: ProductKind;
  productActive: boolean;
  kind: LineKind;
  quantity: number;
  termYears: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  serviceDomain: string | null;
  /** Today's yearly list price in the partner's currency; null when there is none. */
  unitYearlyListMinor: number | null;
  /** The License IDs a renewal, upgrade or downgrade line extends (empty for new subscriptions). */
  licenseIds: string[];
  /** The product an upgrade or downgrade leaves, with today's yearly list price (the upgrade's credit). */
  fromProductCode: string | null;
  fromProductName: string | null;
  fromUnitYearlyListMinor: number | null;
  /** An upgrade's own end: the old subscription's end date. */
  defaultPeriodEnd: string | null;
}

/**
 * The user's cart for the account, created on first use, and locked until the caller's
 * transaction ends: every change to a cart (and Get Quote) runs one at a time per cart, so parallel
 * requests add up instead of overwriting each other, and a cart is quoted once.
 */
export async function lockCart(db: Queryable, scope: CartScope, now: Date): Promise<string> {
  const [row] = await db
    .insert(carts)
    .values({ ...scopeColumns(scope), createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [carts.partnerUserId, carts.customerAccountId], set: { updatedAt: now } })
    .returning({ id: carts.id, partnerId: carts.partnerId });
  if (!row || row.partnerId !== scope.partnerId)
    throw new Error('cart upsert returned no row of this partner');
  return row.id;
}

function scopeColumns(scope: CartScope) {
  return {
    partnerId: scope.partnerId,
    partnerUserId: scope.userId,
    customerAccountId: scope.customerAccountId,
  };
}

const lineColumns = {
  id: cartLines.id,
  productCode: cartLines.productCode,
  productName: products.name,
  productKind: products.kind,
  productActive: products.active,
  kind: cartLines.kind,
  quantity: cartLines.quantity,
  termYears: cartLines.termYears,
  periodStart: cartLines.periodStart,
  periodEnd: cartLines.periodEnd,
  serviceDomain: cartLines.serviceDomain,
  unitYearlyListMinor: productPrices.yearlyListMinor,
  fromProductCode: cartLines.fromProductCode,
  fromProductName: fromProducts.name,
  fromUnitYearlyListMinor: fromPrices.yearlyListMinor,
  defaultPeriodEnd: cartLines.defaultPeriodEnd,
  licenseIds: sql<
    string[]
  >`coalesce((select array_agg(${licenses.licenseId} order by ${licenses.licenseId}) from ${cartLineLicenses} join ${licenses} on ${licenses.id} = ${cartLineLicenses.licenseId} where ${cartLineLicenses.cartLineId} = ${cartLines.id}), '{}')`,
};

const priceIn = (currency: SQLWrapper | Currency) =>
  and(eq(productPrices.productCode, cartLines.productCode), eq(productPrices.currency, currency));
const fromPriceIn = (currency: SQLWrapper | Currency) =>
  and(eq(fromPrices.productCode, cartLines.fromProductCode), eq(fromPrices.currency, currency));

/** Every line, with today's price in the partner's currency where there is one (never dropped). */
export async function listCartLines(
  db: Queryable,
  cartId: string,
  currency: Currency,
): Promise<CartLineRow[]> {
  return db
    .select(lineColumns)
    .from(cartLines)
    .innerJoin(products, eq(products.code, cartLines.productCode))
    .leftJoin(productPrices, priceIn(currency))
    .leftJoin(fromProducts, eq(fromProducts.code, cartLines.fromProductCode))
    .leftJoin(fromPrices, fromPriceIn(currency))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
}

/** The Details tab's choices as stored with the cart, with the names they show. */
export interface CartDetailsRow {
  teamId: string | null;
  teamName: string | null;
  newTeamName: string | null;
  packNumber: string | null;
}

const detailsColumns = {
  teamId: carts.teamId,
  teamName: customerTeams.name,
  newTeamName: carts.newTeamName,
  packNumber: subscriptionPacks.packNumber,
};

export async function findCartDetails(db: Queryable, cartId: string): Promise<CartDetailsRow | null> {
  const [row] = await db
    .select(detailsColumns)
    .from(carts)
    .leftJoin(customerTeams, eq(customerTeams.id, carts.teamId))
    .leftJoin(subscriptionPacks, eq(subscriptionPacks.id, carts.subscriptionPackId))
    .where(eq(carts.id, cartId));
  return row ?? null;
}

export async function setCartDetails(
  db: Queryable,
  cartId: string,
  details: { teamId: string | null; newTeamName: string | null; subscriptionPackId: string | null },
): Promise<void> {
  await db.update(carts).set(details).where(eq(carts.id, cartId));
}

/** The whole cart as the session lookup of GET cart reads it: its lines and its details. */
export interface CartDocument {
  lines: CartLineRow[];
  details: CartDetailsRow | null;
}

/**
 * The cart of this user for the account open in the session, priced in the partner's currency,
 * as one JSON value for the session lookup of GET cart.
 */
export function cartDocument(scope: {
  userId: SQLWrapper;
  accountId: SQLWrapper;
  currency: SQLWrapper;
}): SQL<CartDocument> {
  const details = qb
    .select({ details: jsonObject(detailsColumns) })
    .from(carts)
    .leftJoin(customerTeams, eq(customerTeams.id, carts.teamId))
    .leftJoin(subscriptionPacks, eq(subscriptionPacks.id, carts.subscriptionPackId))
    .where(and(eq(carts.partnerUserId, scope.userId), eq(carts.customerAccountId, scope.accountId)));
  return sql<CartDocument>`json_build_object('lines', ${cartLinesDocument(scope)}, 'details', (${details}))`;
}

/** The lines as one JSON array (see cartDocument). */
function cartLinesDocument(scope: {
  userId: SQLWrapper;
  accountId: SQLWrapper;
  currency: SQLWrapper;
}): SQL<CartLineRow[]> {
  const lines = qb
    .select({
      lines: sql`coalesce(json_agg(${jsonObject(lineColumns)} order by ${cartLines.createdAt}, ${cartLines.id}), '[]'::json)`,
    })
    .from(cartLines)
    .innerJoin(carts, eq(carts.id, cartLines.cartId))
    .innerJoin(products, eq(products.code, cartLines.productCode))
    .leftJoin(productPrices, priceIn(scope.currency))
    .leftJoin(fromProducts, eq(fromProducts.code, cartLines.fromProductCode))
    .leftJoin(fromPrices, fromPriceIn(scope.currency))
    .where(and(eq(carts.partnerUserId, scope.userId), eq(carts.customerAccountId, scope.accountId)));
  return sql<CartLineRow[]>`(${lines})`;
}

export async function countCartLines(db: Queryable, cartId: string): Promise<number> {
  const [row] = await db.select({ lines: count() }).from(cartLines).where(eq(cartLines.cartId, cartId));
  return row?.lines ?? 0;
}

export async function insertCartLine(db: Queryable, line: typeof cartLines.$inferInsert): Promise<void> {
  await db.insert(cartLines).values(line);
}

/**
 * Adds seats to the new-subscription line of the same product, term and domain (not co-termed),
 * if the cart has one and the sum stays within `maxQuantity`; answers what happened.
 */
export async function addToSameNewLine(
  db: Queryable,
  cartId: string,
  line: { productCode: string; termYears: number; serviceDomain: string | null; quantity: number },
  maxQuantity: number,
): Promise<'added' | 'none' | 'too_many'> {
  const same = and(
    eq(cartLines.cartId, cartId),
    eq(cartLines.kind, 'new'),
    eq(cartLines.productCode, line.productCode),
    eq(cartLines.termYears, line.termYears),
    isNull(cartLines.periodStart),
    isNull(cartLines.periodEnd),
    line.serviceDomain === null
      ? isNull(cartLines.serviceDomain)
      : eq(cartLines.serviceDomain, line.serviceDomain),
  );
  const [existing] = await db.select({ quantity: cartLines.quantity }).from(cartLines).where(same);
  if (!existing) return 'none';
  if (existing.quantity + line.quantity > maxQuantity) return 'too_many';
  await db
    .update(cartLines)
    .set({ quantity: sql`${cartLines.quantity} + ${line.quantity}` })
    .where(same);
  return 'added';
}

export async function updateCartLine(
  db: Queryable,
  cartId: string,
  lineId: string,
  changes: Partial<Pick<typeof cartLines.$inferInsert, 'quantity' | 'termYears' | 'periodEnd'>>,
): Promise<boolean> {
  const updated = await db
    .update(cartLines)
    .set(changes)
    .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cartId)))
    .returning({ id: cartLines.id });
  return updated.length > 0;
}

export async function deleteCartLine(db: Queryable, cartId: string, lineId: string): Promise<boolean> {
  const deleted = await db
    .delete(cartLines)
    .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cartId)))
    .returning({ id: cartLines.id });
  return deleted.length > 0;
}

export async function clearCart(db: Queryable, cartId: string): Promise<void> {
  await db.delete(cartLines).where(eq(cartLines.cartId, cartId));
}

/** Whether the cart already has a line of the product for the service domain (any term or period). */
export async function hasLineForDomain(
  db: Queryable,
  cartId: string,
  line: { productCode: string; serviceDomain: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: cartLines.id })
    .from(cartLines)
    .where(
      and(
        eq(cartLines.cartId, cartId),
        eq(cartLines.productCode, line.productCode),
        eq(cartLines.serviceDomain, line.serviceDomain),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Inserts a line and answers its id. */
export async function insertCartLineReturningId(
  db: Queryable,
  line: typeof cartLines.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(cartLines).values(line).returning({ id: cartLines.id });
  if (!row) throw new Error('cart line insert returned no row');
  return row.id;
}

/** One row per license a line renews: in slices, as a line may carry thousands (see chunks.ts). */
export async function linkLicenses(db: Queryable, cartLineId: string, licenseIds: string[]): Promise<void> {
  for (const slice of chunksOf(licenseIds))
    await db.insert(cartLineLicenses).values(slice.map((licenseId) => ({ cartLineId, licenseId })));
}

/** Which of these licenses (ids) some line of the cart already renews, upgrades or downgrades. */
export async function licensesInCart(db: Queryable, cartId: string, licenseIds: string[]): Promise<string[]> {
  if (licenseIds.length === 0) return [];
  const rows = await db
    .select({ id: cartLineLicenses.licenseId })
    .from(cartLineLicenses)
    .innerJoin(cartLines, eq(cartLines.id, cartLineLicenses.cartLineId))
    .where(and(eq(cartLines.cartId, cartId), inArray(cartLineLicenses.licenseId, licenseIds)));
  return rows.map((r) => r.id);
}

/**
 * One subscription per cloud service domain and product (SPEC §4): a domain that already has one
 * is renewed or extended, never bought again.
 */
export async function hasRunningSubscription(
  db: Queryable,
  options: { productCode: string; serviceDomain: string; today: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: licenses.id })
    .from(licenses)
    .where(
      and(
        eq(licenses.serviceDomain, options.serviceDomain),
        eq(licenses.productCode, options.productCode),
        gte(licenses.periodEnd, options.today),
      ),
    )
    .limit(1);
  return row !== undefined;
}
