import { and, asc, eq, sql } from 'drizzle-orm';
import type { Locale, ProductKind } from '../../../contract/catalog.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Queryable } from '../../db/client.ts';
import { productPrices, products, productTranslations } from '../../db/schema/index.ts';

export interface PricedProductRow {
  code: string;
  name: string;
  kind: ProductKind;
  description: string;
  requiresServiceDomain: boolean;
  yearlyListMinor: number;
}

const columns = {
  code: products.code,
  name: products.name,
  kind: products.kind,
  description: products.description,
  requiresServiceDomain: products.requiresServiceDomain,
  yearlyListMinor: productPrices.yearlyListMinor,
};

/**
 * Active products that have a price in the currency (a product without one is not sold there),
 * described in the locale when a translation exists, else in English.
 */
export async function listPricedProducts(
  db: Queryable,
  currency: Currency,
  locale: Locale = 'en',
): Promise<PricedProductRow[]> {
  const rows = await db
    .select({
      ...columns,
      description: sql<string>`coalesce(${productTranslations.description}, ${products.description})`,
    })
    .from(products)
    .innerJoin(
      productPrices,
      and(eq(productPrices.productCode, products.code), eq(productPrices.currency, currency)),
    )
    .leftJoin(
      productTranslations,
      and(eq(productTranslations.productCode, products.code), eq(productTranslations.locale, locale)),
    )
    .where(eq(products.active, true))
    .orderBy(asc(products.sortOrder), asc(products.name));
  return rows as PricedProductRow[];
}

export async function findPricedProduct(
  db: Queryable,
  code: string,
  currency: Currency,
): Promise<PricedProductRow | null> {
  const [row] = await db
    .select(columns)
    .from(products)
    .innerJoin(
      productPrices,
      and(eq(productPrices.productCode, products.code), eq(productPrices.currency, currency)),
    )
    .where(and(eq(products.code, code), eq(products.active, true)));
  return (row as PricedProductRow | undefined) ?? null;
}

export async function setProductActive(db: Queryable, code: string, active: boolean): Promise<boolean> {
  const changed = await db
    .update(products)
    .set({ active })
    .where(eq(products.code, code))
    .returning({ code: products.code });
  return changed.length > 0;
}

export async function deleteProductPrice(db: Queryable, code: string, currency: Currency): Promise<boolean> {
  const deleted = await db
    .delete(productPrices)
    .where(and(eq(productPrices.productCode, code), eq(productPrices.currency, currency)))
    .returning({ code: productPrices.productCode });
  return deleted.length > 0;
}

/** Products with each of their prices (a product without one: a row of nulls), in catalog order. */
export function listProductsWithPrices(db: Queryable, code?: string) {
  return db
    .select({
      code: products.code,
      name: products.name,
      kind: products.kind,
      active: products.active,
      currency: productPrices.currency,
      yearlyListMinor: productPrices.yearlyListMinor,
    })
    .from(products)
    .leftJoin(productPrices, eq(productPrices.productCode, products.code))
    .where(code ? eq(products.code, code) : undefined)
    .orderBy(asc(products.sortOrder), asc(products.code), asc(productPrices.currency));
}

/** Sets a product's yearly list price in a currency, adding it or replacing the one there. */
export async function upsertProductPrice(
  db: Queryable,
  price: { productCode: string; currency: Currency; yearlyListMinor: number },
): Promise<void> {
  await db
    .insert(productPrices)
    .values(price)
    .onConflictDoUpdate({
      target: [productPrices.productCode, productPrices.currency],
      set: { yearlyListMinor: price.yearlyListMinor },
    });
}

export type ProductValues = Omit<typeof products.$inferInsert, 'active'>;

/** Adds a product, or overwrites the one with its code with these values. */
export async function upsertProduct(db: Queryable, product: ProductValues): Promise<void> {
  await db.insert(products).values(product).onConflictDoUpdate({ target: products.code, set: product });
}

/** Adds a product's description in a locale, or overwrites the one there. */
export async function upsertProductTranslation(
  db: Queryable,
  translation: { productCode: string; locale: Locale; description: string },
): Promise<void> {
  await db
    .insert(productTranslations)
    .values(translation)
    .onConflictDoUpdate({
      target: [productTranslations.productCode, productTranslations.locale],
      set: translation,
    });
}
