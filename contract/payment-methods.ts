import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { PaymentProviderName, PaymentToken, PayPalApproval, PayPalOrderId } from './orders.ts';

export const PaymentMethodKind = z.enum(['card', 'paypal']);
export type PaymentMethodKind = z.infer<typeof PaymentMethodKind>;

/**
 * A stored payment method as the partner sees it: what the card shows (never its number), or the
 * PayPal account's email.
 */
export const PaymentMethod = z
  .object({
    id: z.uuid(),
    provider: PaymentProviderName,
    kind: PaymentMethodKind,
    brand: z.string(),
    /** Cards only. */
    last4: z.string().nullable(),
    expMonth: z.string().nullable(),
    expYear: z.string().nullable(),
    /** PayPal only. */
    email: z.string().nullable(),
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
  startPayPal: endpoint({
    method: 'POST',
    path: '/api/payment-methods/paypal',
    operationId: 'startStoringPayPal',
    summary:
      "Start storing a PayPal account: the link where the buyer approves it on PayPal's pages; PayPal sends them back to the Payment methods page, which completes it",
    tag: 'payments',
    response: PayPalApproval,
    status: 201,
    idempotent: true,
  }),
  completePayPal: endpoint({
    method: 'POST',
    path: '/api/payment-methods/paypal/complete',
    operationId: 'completeStoringPayPal',
    summary:
      'Store the PayPal account the buyer approved (the approval PayPal returned); the first stored method is the default',
    tag: 'payments',
    body: z.strictObject({ approvalId: PayPalOrderId }).meta({ id: 'CompletePayPalRequest' }),
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
