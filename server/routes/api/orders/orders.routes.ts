import type { FastifyInstance } from 'fastify';
import { ordersApi } from '../../../../contract/orders.ts';
import { FileAnswer, route } from '../../../http/route.ts';
import { resendLicenses, sendActivationEmail } from '../../../modules/orders/activation-email.ts';
import { getOrder } from '../../../modules/orders/order-view.ts';
import { ordersCsv } from '../../../modules/orders/orders-csv.ts';
import { listOrders } from '../../../modules/orders/orders-list.ts';
import { placeOrder } from '../../../use-cases/place-order.ts';
import { renewOrder } from '../../../use-cases/renew-order.ts';
import { startPayPalPayment } from '../../../use-cases/start-paypal-payment.ts';

export async function orderRoutes(app: FastifyInstance): Promise<void> {
  const { jobs, mail, payments, paypal } = app.portal;
  // Idempotent by its attempt record: the charge runs between two transactions (place-order.ts).
  route(
    app,
    ordersApi.place,
    { actors: ['partner_user'], permission: 'orders.create', idempotency: 'handler' },
    async ({ actor, meta, body, attemptKey, reply }) => {
      const placed = await placeOrder(
        app.portal.db,
        { payments, paypal, jobs, mail },
        { actor, meta, attemptKey, ...body },
      );
      if (placed.replayed) reply.header('idempotent-replayed', 'true');
      return placed.order;
    },
  );
  // Idempotent by PayPal's request id (the quote and the attempt): nothing is written here.
  route(
    app,
    ordersApi.startPayPal,
    { actors: ['partner_user'], permission: 'orders.create', idempotency: 'handler' },
    ({ actor, db, meta, body, attemptKey }) =>
      startPayPalPayment(db, paypal, { actor, meta, attemptKey, publicUrl: mail.publicUrl, ...body }),
  );
  // Takes the root database: the email is queued in a transaction of its own.
  route(
    app,
    ordersApi.sendActivation,
    { actors: ['partner_user'], permission: 'orders.create' },
    ({ actor, meta, params }) => sendActivationEmail(app.portal.db, jobs, { actor, meta, ...params }),
  );
  route(
    app,
    ordersApi.resendLicenses,
    { actors: ['partner_user'], permission: 'orders.create' },
    ({ actor, meta, params }) => resendLicenses(app.portal.db, jobs, { actor, meta, ...params }),
  );
  route(
    app,
    ordersApi.renew,
    { actors: ['partner_user'], permission: 'cart.manage' },
    ({ actor, meta, params }) => renewOrder(app.portal.db, { actor, meta, ...params }),
  );
  route(
    app,
    ordersApi.list,
    { actors: ['partner_user'], permission: 'orders.read', reads: 'standby', statements: 'named' },
    ({ actor, db, query }) => listOrders(db, { actor, filters: query }),
  );
  route(
    app,
    ordersApi.exportCsv,
    { actors: ['partner_user'], permission: 'orders.read', reads: 'standby' },
    async ({ actor, db, meta, query }) => {
      const { stream, filename } = await ordersCsv(db, { actor, meta, filters: query });
      return new FileAnswer(stream, filename, 'attachment');
    },
  );
  route(
    app,
    ordersApi.get,
    { actors: ['partner_user'], permission: 'orders.read', statements: 'named' },
    ({ actor, db, params }) => getOrder(db, { actor, ...params }),
  );
}
