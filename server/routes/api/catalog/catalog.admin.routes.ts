import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../../../contract/admin.ts';
import { route } from '../../../http/route.ts';
import {
  listAdminProducts,
  setProductPrice,
  withdrawProductAsStaff,
} from '../../../modules/catalog/catalog-admin.ts';

/** The back office's catalog (/api/admin/products): every product and price, for vendor staff only. */
export async function catalogAdminRoutes(app: FastifyInstance): Promise<void> {
  const staff = { actors: ['vendor_staff'] } as const;
  route(app, adminApi.products, staff, async ({ db }) => ({ items: await listAdminProducts(db) }));
  route(app, adminApi.setPrice, staff, ({ actor, db, meta, params, body }) =>
    setProductPrice(db, { actor, meta, ...params, yearlyListMinor: body.yearlyListMinor }),
  );
  route(app, adminApi.withdrawProduct, staff, ({ actor, db, meta, params }) =>
    withdrawProductAsStaff(db, { actor, meta, code: params.code }),
  );
}
