import type { Locale, Product } from '../../../contract/catalog.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Queryable } from '../../db/client.ts';
import { DomainError } from '../../lib/errors.ts';
import { buyPrice } from '../../lib/money.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import {
  deleteProductPrice,
  findPricedProduct,
  listPricedProducts,
  type PricedProductRow,
  type ProductValues,
  setProductActive,
  upsertProduct,
  upsertProductPrice,
  upsertProductTranslation,
} from './catalog.queries.ts';

export async function listCatalog(
  db: Queryable,
  options: { actor: PartnerUserActor; locale: Locale },
): Promise<Product[]> {
  const { partner } = options.actor;
  const rows = await listPricedProducts(db, partner.currency, options.locale);
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    kind: p.kind,
    description: p.description,
    requiresServiceDomain: p.requiresServiceDomain,
    currency: partner.currency,
    listPriceMinor: p.yearlyListMinor,
    buyPriceMinor: buyPrice(p.yearlyListMinor, partner.discountBps),
  }));
}

/** A product this partner can buy now: sold (not withdrawn) and priced in its currency. */
export function findProductForSale(
  db: Queryable,
  code: string,
  currency: Currency,
): Promise<PricedProductRow | null> {
  return findPricedProduct(db, code, currency);
}

/**
 * Withdraws a product from sale (the vendor's back office): it leaves the catalog, and carts that
 * hold it say so instead of quoting it; documents that name it keep it.
 */
export async function withdrawProduct(db: Queryable, code: string): Promise<void> {
  if (!(await setProductActive(db, code, false))) {
    throw new DomainError('not_found', 'catalog.product_not_found', `No product ${code}.`, {
      params: { productCode: code },
    });
  }
}

/** Stops selling a product in one currency (the vendor's back office). */
export async function removeProductPrice(db: Queryable, code: string, currency: Currency): Promise<void> {
  if (!(await deleteProductPrice(db, code, currency))) {
    throw new DomainError('not_found', 'catalog.price_not_found', `${code} has no price in ${currency}.`, {
      params: { productCode: code, currency },
    });
  }
}

export interface CatalogProduct extends ProductValues {
  translations: { locale: Locale; description: string }[];
  prices: { currency: Currency; yearlyListMinor: number }[];
}

/**
 * Adds a product with its translations and prices, or refreshes the one with its code (demo data,
 * imports): the product first, then each translation and price in the order given. Idempotent.
 */
export async function putProduct(db: Queryable, entry: CatalogProduct): Promise<void> {
  const { translations, prices, ...product } = entry;
  await upsertProduct(db, product);
  for (const translation of translations) {
    await upsertProductTranslation(db, { productCode: product.code, ...translation });
  }
  for (const price of prices) {
    await upsertProductPrice(db, { productCode: product.code, ...price });
  }
}
