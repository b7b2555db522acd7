import type { Currency } from '../../../contract/money.ts';
import type { PaymentProviderName } from '../../../contract/orders.ts';
import type { Queryable } from '../../db/client.ts';
import { findPaymentOfOrder, insertPayment } from './payments.queries.ts';

/** Records the money an order took (the provider's reference and what the card shows, no number). */
export async function recordPayment(
  db: Queryable,
  input: {
    partnerId: string;
    orderId: string;
    provider: PaymentProviderName;
    reference: string;
    amountMinor: number;
    currency: Currency;
    brand: string | null;
    last4: string | null;
    now: Date;
  },
): Promise<void> {
  await insertPayment(db, {
    partnerId: input.partnerId,
    orderId: input.orderId,
    provider: input.provider,
    providerReference: input.reference,
    status: 'captured',
    amountMinor: input.amountMinor,
    currency: input.currency,
    brand: input.brand,
    last4: input.last4,
    createdAt: input.now,
  });
}

/** The payment recorded for an order, if any: its provider and reference. */
export function paymentOfOrder(db: Queryable, orderId: string) {
  return findPaymentOfOrder(db, orderId);
}
