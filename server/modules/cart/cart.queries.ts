import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Currency } from '../../../contract/money.ts';
import type { Queryable } from '../../db/client.ts';
import { cartLines, carts, productPrices, products } from '../../db/schema/index.ts';

export interface CartLineRow {
  id: string;
  productCode: string;
  productName: string;
  kind: 'new' | 'renewal' | 'upgrade' | 'downgrade';
  quantity: number;
  termYears: 1 | 2 | null;
  periodStart: string;
  periodEnd: string;
  serviceDomain: string | null;
  unitYearlyListMinor: number;
}

/** The user's cart for the account, created on first use; scoped by partner and user. */
export async function ensureCart(
  db: Queryable,
  scope: { partnerId: string; userId: string; customerAccountId: string },
): Promise<string> {
  await db
    .insert(carts)
    .values({
      partnerId: scope.partnerId,
      partnerUserId: scope.userId,
      customerAccountId: scope.customerAccountId,
    })
    .onConflictDoNothing({ target: [carts.partnerUserId, carts.customerAccountId] });
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(
      and(
        eq(carts.partnerId, scope.partnerId),
        eq(carts.partnerUserId, scope.userId),
        eq(carts.customerAccountId, scope.customerAccountId),
      ),
    );
  if (!row) throw new Error('cart upsert returned no row');
  return row.id;
}

/** Lines with today's price in the partner's currency. */
export async function listCartLines(
  db: Queryable,
  cartId: string,
  currency: Currency,
): Promise<CartLineRow[]> {
  const rows = await db
    .select({
      id: cartLines.id,
      productCode: cartLines.productCode,
      productName: products.name,
      kind: cartLines.kind,
      quantity: cartLines.quantity,
      termYears: cartLines.termYears,
      periodStart: cartLines.periodStart,
      periodEnd: cartLines.periodEnd,
      serviceDomain: cartLines.serviceDomain,
      unitYearlyListMinor: productPrices.yearlyListMinor,
    })
    .from(cartLines)
    .innerJoin(products, eq(products.code, cartLines.productCode))
    .innerJoin(
      productPrices,
      and(eq(productPrices.productCode, cartLines.productCode), eq(productPrices.currency, currency)),
    )
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
  return rows as CartLineRow[];
}

export async function insertCartLine(db: Queryable, line: typeof cartLines.$inferInsert): Promise<void> {
  await db.insert(cartLines).values(line);
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

export async function findCartLine(db: Queryable, cartId: string, lineId: string) {
  const [row] = await db
    .select()
    .from(cartLines)
    .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cartId)));
  return row ?? null;
}

/** A new-subscription line for the same product, term, start and domain, to merge into. */
export async function findSameNewLine(
  db: Queryable,
  cartId: string,
  line: { productCode: string; termYears: number; periodStart: string; serviceDomain: string | null },
) {
  const [row] = await db
    .select({ id: cartLines.id, quantity: cartLines.quantity })
    .from(cartLines)
    .where(
      and(
        eq(cartLines.cartId, cartId),
        eq(cartLines.kind, 'new'),
        eq(cartLines.productCode, line.productCode),
        eq(cartLines.termYears, line.termYears),
        eq(cartLines.periodStart, line.periodStart),
        line.serviceDomain === null
          ? isNull(cartLines.serviceDomain)
          : eq(cartLines.serviceDomain, line.serviceDomain),
      ),
    );
  return row ?? null;
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
