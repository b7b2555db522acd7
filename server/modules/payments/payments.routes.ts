import type { FastifyInstance } from 'fastify';
import { paymentMethodsApi } from '../../../contract/payment-methods.ts';
import { route } from '../../http/route.ts';
import {
  addPaymentMethod,
  listPaymentMethods,
  removePaymentMethod,
  setDefaultPaymentMethod,
} from './payment-methods.service.ts';

/** Stored payment methods: every seller may see (and pay with) them; admin and billing manage them. */
export async function paymentMethodRoutes(app: FastifyInstance): Promise<void> {
  const manage = { actors: ['partner_user'], permission: 'payment_methods.manage' } as const;
  route(app, paymentMethodsApi.list, { actors: ['partner_user'] }, ({ actor, db }) =>
    listPaymentMethods(db, actor),
  );
  route(app, paymentMethodsApi.add, manage, ({ actor, db, meta, body }) =>
    addPaymentMethod(db, app.portal.payments, { actor, meta, token: body.token }),
  );
  route(app, paymentMethodsApi.setDefault, manage, ({ actor, db, meta, params }) =>
    setDefaultPaymentMethod(db, { actor, meta, ...params }),
  );
  route(app, paymentMethodsApi.remove, manage, ({ actor, db, meta, params }) =>
    removePaymentMethod(db, { actor, meta, ...params }),
  );
}
