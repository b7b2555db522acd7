import type { FastifyInstance } from 'fastify';
import { cartApi } from '../../../contract/cart.ts';
import type { Db } from '../../db/client.ts';
import { route } from '../../http/route.ts';
import { addNewSubscriptions, changeLine, getCart, removeLine } from './cart.service.ts';

export function registerCartRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  route(app, db, cartApi.get, 'cart.manage', ({ actor, params }) => getCart(db, actor, params.customerId));
  route(app, db, cartApi.addLine, 'cart.manage', ({ actor, params, body }) =>
    addNewSubscriptions(db, actor, params.customerId, body),
  );
  route(app, db, cartApi.updateLine, 'cart.manage', ({ actor, params, body }) =>
    changeLine(db, actor, params.customerId, params.lineId, {
      quantity: body.quantity,
      termYears: body.termYears,
    }),
  );
  route(app, db, cartApi.removeLine, 'cart.manage', ({ actor, params }) =>
    removeLine(db, actor, params.customerId, params.lineId),
  );
}
