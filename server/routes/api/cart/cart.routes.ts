import type { FastifyInstance } from 'fastify';
import { cartApi } from '../../../../contract/cart.ts';
import { defineLookup, route } from '../../../http/route.ts';
import {
  addNewSubscriptions,
  cartOfSession,
  changeLine,
  chooseDetails,
  removeLine,
  showCart,
} from '../../../modules/cart/cart.service.ts';
import { addLicenseLines } from '../../../modules/licenses/license-lines.ts';

/** GET cart reads the user's lines for the open account in the session check's own statement. */
const cart = defineLookup('cart', cartOfSession);

export async function cartRoutes(app: FastifyInstance): Promise<void> {
  const access = { actors: ['partner_user'], permission: 'cart.manage' } as const;
  route(app, cartApi.get, { ...access, lookup: cart }, async ({ actor, meta, params, found }) =>
    showCart({ actor, meta, ...params, lines: found?.lines ?? [], details: found?.details ?? null }),
  );
  route(app, cartApi.addLine, access, ({ actor, db, meta, params, body }) =>
    addNewSubscriptions(db, { actor, meta, ...params, line: body }),
  );
  route(app, cartApi.addRenewals, access, ({ actor, db, meta, params, body }) =>
    addLicenseLines(db, { actor, meta, ...params, request: body }),
  );
  route(app, cartApi.updateLine, access, ({ actor, db, meta, params, body }) =>
    changeLine(db, { actor, meta, ...params, ...body }),
  );
  route(app, cartApi.setDetails, access, ({ actor, db, meta, params, body }) =>
    chooseDetails(db, { actor, meta, ...params, ...body }),
  );
  route(app, cartApi.removeLine, access, ({ actor, db, meta, params }) =>
    removeLine(db, { actor, meta, ...params }),
  );
}
