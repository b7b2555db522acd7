import type { z } from 'zod';
import type { PlaceOrderRequest } from '../../../../contract/index.ts';

/** A card the payment provider's form has turned into a token. */
export type Card = { token: string; brand: string; last4: string };

/** The chosen method: `card`, `paypal`, `postpaid`, or `stored:<id>` for a stored payment method. */
export type CheckoutChoice = {
  method: string;
  card: Card | null;
  payPalOrder: string | null;
  creditTerms: boolean;
};

/** The stored payment method's id when one is chosen. */
export function storedMethodId(method: string): string | null {
  return method.startsWith('stored:') ? method.slice('stored:'.length) : null;
}

/** Whether the chosen method has what Place order needs. */
export function isPaymentReady({ method, card, payPalOrder, creditTerms }: CheckoutChoice): boolean {
  return method === 'postpaid'
    ? creditTerms
    : method === 'paypal'
      ? payPalOrder !== null
      : storedMethodId(method) !== null || card !== null;
}

/** The payment sent with the order for the chosen method. */
export function paymentFor({
  method,
  card,
  payPalOrder,
}: CheckoutChoice): z.input<typeof PlaceOrderRequest>['payment'] {
  const storedId = storedMethodId(method);
  return method === 'postpaid'
    ? { method: 'postpaid' }
    : method === 'paypal'
      ? { method: 'paypal', orderId: payPalOrder ?? '' }
      : storedId
        ? { method: 'stored', paymentMethodId: storedId }
        : { method: 'card', token: card?.token ?? '' };
}
