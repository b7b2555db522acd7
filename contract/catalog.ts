import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { Currency, MinorAmount } from './money.ts';

export const ProductKind = z.enum(['pack', 'ide', 'tool', 'cloud']);
export type ProductKind = z.infer<typeof ProductKind>;

export const Product = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: ProductKind,
    description: z.string(),
    /** Cloud products are bought for a service domain, e.g. `acme.youtrack.cloud`. */
    requiresServiceDomain: z.boolean(),
    currency: Currency,
    /** Suggested retail price of one seat for one year. */
    listPriceMinor: MinorAmount,
    /** What this partner pays for one seat for one year, after its discount. */
    buyPriceMinor: MinorAmount,
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;

/** Languages of the interface (SPEC §12); English is the catalog's own. */
export const Locale = z.enum(['en', 'pt-BR']);
export type Locale = z.infer<typeof Locale>;

const portugueseSpeaking = new Set(['BR', 'PT', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL']);

/** A user's first language: Português where the partner's country speaks it, else English. */
export function defaultLocaleFor(country: string): Locale {
  return portugueseSpeaking.has(country) ? 'pt-BR' : 'en';
}

export const CatalogQuery = z.strictObject({ locale: Locale.default('en') });

export const catalogApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/catalog/products',
    operationId: 'listProducts',
    summary: "The Product Catalog in the partner's currency, with list and buy prices",
    tag: 'catalog',
    query: CatalogQuery,
    response: z.object({ items: z.array(Product) }).meta({ id: 'ProductList' }),
  }),
};
