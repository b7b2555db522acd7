import type { FastifyInstance } from 'fastify';
import { cartApi } from '../../../contract/cart.ts';
import { route } from '../../http/route.ts';
import { addNewSubscriptions, changeLine, getCart, removeLine } from './cart.service.ts';

export async function cartRoutes(app: FastifyInstance): Promise<void> {
  const access = { actors: ['partner_user'], permission: 'cart.manage' } as const;
  route(app, cartApi.get, access, ({ actor, db, meta, params }) => getCart(db, { actor, meta, ...params }));
  route(app, cartApi.addLine, access, ({ actor, db, meta, params, body }) =>
    addNewSubscriptions(db, { actor, meta, ...params, line: body }),
  );
  route(app, cartApi.updateLine, access, ({ actor, db, meta, params, body }) =>
    changeLine(db, { actor, meta, ...params, ...body }),
  );
  route(app, cartApi.removeLine, access, ({ actor, db, meta, params }) =>
    removeLine(db, { actor, meta, ...params }),
  );
}
