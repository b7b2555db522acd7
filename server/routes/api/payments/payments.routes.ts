import type { FastifyInstance } from 'fastify';
import { paymentMethodsApi } from '../../../../contract/payment-methods.ts';
import { route } from '../../../http/route.ts';
import {
  addPaymentMethod,
  completeStoringPayPal,
  listPaymentMethods,
  removePaymentMethod,
  setDefaultPaymentMethod,
  startStoringPayPal,
} from '../../../modules/payments/payment-methods.service.ts';

/** Stored payment methods: every seller may see (and pay with) them; admin and billing manage them. */
export async function paymentMethodRoutes(app: FastifyInstance): Promise<void> {
  const manage = { actors: ['partner_user'], permission: 'payment_methods.manage' } as const;
  // Idempotent without a transaction around the provider's call: a token or a PayPal setup is
  // stored once whatever the retries (the provider answers a retry with the first answer).
  const calling = { ...manage, idempotency: 'handler' } as const;
  route(app, paymentMethodsApi.list, { actors: ['partner_user'], statements: 'named' }, ({ actor, db }) =>
    listPaymentMethods(db, actor),
  );
  route(app, paymentMethodsApi.add, calling, ({ actor, db, meta, body }) =>
    addPaymentMethod(db, app.portal.payments, { actor, meta, token: body.token }),
  );
  route(app, paymentMethodsApi.startPayPal, calling, ({ actor, db, meta, attemptKey }) =>
    startStoringPayPal(db, app.portal.paypal, {
      actor,
      meta,
      publicUrl: app.portal.mail.publicUrl,
      attemptKey,
    }),
  );
  route(app, paymentMethodsApi.completePayPal, calling, ({ actor, db, meta, body }) =>
    completeStoringPayPal(db, app.portal.paypal, { actor, meta, approvalId: body.approvalId }),
  );
  route(app, paymentMethodsApi.setDefault, manage, ({ actor, db, meta, params }) =>
    setDefaultPaymentMethod(db, { actor, meta, ...params }),
  );
  route(app, paymentMethodsApi.remove, manage, ({ actor, db, meta, params }) =>
    removePaymentMethod(db, { actor, meta, ...params }),
  );
}
