import type { z } from 'zod';
import type { AdminProduct } from '../../../contract/admin.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError } from '../../lib/errors.ts';
import type { VendorStaffActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listProductsWithPrices, upsertProductPrice } from './catalog.queries.ts';
import { withdrawProduct } from './catalog.service.ts';

interface StaffOptions {
  actor: VendorStaffActor;
  meta: RequestMeta;
}

const productNotFound = (code: string) =>
  new DomainError('not_found', 'catalog.product_not_found', `No product ${code}.`, {
    params: { productCode: code },
  });

/** The whole catalog for vendor staff: withdrawn products too, with every price. */
export async function listAdminProducts(
  db: Queryable,
  code?: string,
): Promise<z.input<typeof AdminProduct>[]> {
  const rows = await listProductsWithPrices(db, code);
  const byCode = new Map<string, z.input<typeof AdminProduct>>();
  for (const row of rows) {
    const product = byCode.get(row.code) ?? {
      code: row.code,
      name: row.name,
      kind: row.kind,
      active: row.active,
      prices: [],
    };
    if (row.currency && row.yearlyListMinor !== null)
      product.prices.push({ currency: row.currency, yearlyListMinor: row.yearlyListMinor });
    byCode.set(row.code, product);
  }
  return [...byCode.values()];
}

async function oneProduct(db: Queryable, code: string) {
  const [product] = await listAdminProducts(db, code);
  if (!product) throw productNotFound(code);
  return product;
}

/** Sets a yearly list price (SPEC §11a): new quotes use it; quotes already made keep theirs. */
export async function setProductPrice(
  db: Queryable,
  options: StaffOptions & { code: string; currency: Currency; yearlyListMinor: number },
): Promise<z.input<typeof AdminProduct>> {
  return db.transaction(async (tx) => {
    const before = await oneProduct(tx, options.code);
    await upsertProductPrice(tx, {
      productCode: options.code,
      currency: options.currency,
      yearlyListMinor: options.yearlyListMinor,
    });
    await recordAudit(tx, {
      partnerId: null,
      actor: options.actor,
      action: 'catalog.price_set',
      subjectType: 'product',
      subjectId: options.code,
      details: {
        currency: options.currency,
        from: before.prices.find((p) => p.currency === options.currency)?.yearlyListMinor ?? null,
        to: options.yearlyListMinor,
      },
      meta: options.meta,
    });
    return oneProduct(tx, options.code);
  });
}

export async function withdrawProductAsStaff(
  db: Queryable,
  options: StaffOptions & { code: string },
): Promise<z.input<typeof AdminProduct>> {
  return db.transaction(async (tx) => {
    await withdrawProduct(tx, options.code);
    await recordAudit(tx, {
      partnerId: null,
      actor: options.actor,
      action: 'catalog.product_withdrawn',
      subjectType: 'product',
      subjectId: options.code,
      meta: options.meta,
    });
    return oneProduct(tx, options.code);
  });
}
