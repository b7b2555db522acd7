import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { PaymentProviderName, PaymentToken } from './orders.ts';

/** A stored payment method as the partner sees it: what the card shows, never its number. */
export const PaymentMethod = z
  .object({
    id: z.uuid(),
    provider: PaymentProviderName,
    brand: z.string(),
    last4: z.string(),
    expMonth: z.string(),
    expYear: z.string(),
    isDefault: z.boolean(),
  })
  .meta({ id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PaymentMethodList = z
  .object({
    items: z.array(PaymentMethod),
    /** Whether this user may add, remove and choose the default (partner admin or billing). */
    actions: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'PaymentMethodList' });

const MethodParams = z.strictObject({ id: z.uuid({ error: 'invalid' }) });

export const paymentMethodsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/payment-methods',
    operationId: 'listPaymentMethods',
    summary: "The partner's stored payment methods (brand, last four digits, expiry), the default first",
    tag: 'payments',
    response: PaymentMethodList,
  }),
  add: endpoint({
    method: 'POST',
    path: '/api/payment-methods',
    operationId: 'addPaymentMethod',
    summary:
      "Store a card entered in the payment provider's hosted form (its token); the first one is the default",
    tag: 'payments',
    body: z.strictObject({ token: PaymentToken }).meta({ id: 'AddPaymentMethodRequest' }),
    response: PaymentMethodList,
    status: 201,
    idempotent: true,
  }),
  setDefault: endpoint({
    method: 'PUT',
    path: '/api/payment-methods/:id/default',
    operationId: 'setDefaultPaymentMethod',
    summary: 'Make a stored payment method the default one',
    tag: 'payments',
    params: MethodParams,
    response: PaymentMethodList,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/payment-methods/:id',
    operationId: 'removePaymentMethod',
    summary: 'Remove a stored payment method: it can no longer be charged',
    tag: 'payments',
    params: MethodParams,
    response: PaymentMethodList,
  }),
};
