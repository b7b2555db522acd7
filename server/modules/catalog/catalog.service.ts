import type { Locale, Product } from '../../../contract/catalog.ts';
import type { Queryable } from '../../db/client.ts';
import { buyPrice } from '../../lib/money.ts';
import type { Actor } from '../auth/sessions.ts';
import { listPricedProducts } from './catalog.queries.ts';

export async function listCatalog(db: Queryable, actor: Actor, locale: Locale): Promise<Product[]> {
  const rows = await listPricedProducts(db, actor.partner.currency, locale);
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    kind: p.kind,
    description: p.description,
    requiresServiceDomain: p.requiresServiceDomain,
    currency: actor.partner.currency,
    listPriceMinor: p.yearlyListMinor,
    buyPriceMinor: buyPrice(p.yearlyListMinor, actor.partner.discountBps),
  }));
}
