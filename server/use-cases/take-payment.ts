import type { Currency } from '../../contract/money.ts';
import type { PaymentProviderName, PlaceOrderRequest } from '../../contract/orders.ts';
import type { Queryable } from '../db/client.ts';
import { DomainError } from '../lib/errors.ts';
import { payPalOffered, storedPaymentMethod } from '../modules/payments/payment-methods.service.ts';
import type { PayPalGateway } from '../modules/payments/paypal/paypal-gateway.ts';
import {
  type ChargeOutcome,
  type PaymentProvider,
  PaymentUnavailableError,
} from '../modules/payments/provider.ts';
import type { PendingRefund } from '../modules/payments/refunds.ts';

export interface TakenPayment {
  provider: PaymentProviderName;
  charge: Extract<ChargeOutcome, { status: 'captured' }>;
  /** How to give the money back (compensation when a later step of the order fails). */
  refund: PendingRefund;
}

/** A provider that did not answer: the charge may exist, and the same attempt again finds it. */
export async function asProviderCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PaymentUnavailableError) {
      throw new DomainError(
        'unavailable',
        'payment.unavailable',
        'The payment provider did not answer. Try again: you will not be charged twice.',
      );
    }
    throw error;
  }
}

/**
 * Takes the money for a quote the way the checkout chose: a card from the provider's hosted form, a
 * stored card or PayPal account, or a PayPal payment the buyer approved. The idempotency key is
 * the quote and the user's attempt, so a retry after a timeout finds the first charge. Postpaid
 * takes nothing (null).
 */
export async function takePayment(
  db: Queryable,
  providers: { payments: PaymentProvider; paypal: PayPalGateway | null },
  input: {
    payment: PlaceOrderRequest['payment'];
    partnerId: string;
    attempt: string;
    quote: { quoteNumber: string; currency: Currency; totalMinor: number };
  },
): Promise<TakenPayment | null> {
  const { payment, quote } = input;
  if (payment.method === 'postpaid') return null;
  const amount = {
    amountMinor: quote.totalMinor,
    currency: quote.currency,
    idempotencyKey: `order:${quote.quoteNumber}:${input.attempt}`,
  };
  const byCard = (token: string) => ({
    kind: 'card' as 'card' | 'paypal',
    provider: providers.payments.name,
    outcome: () =>
      providers.payments.charge({
        token,
        ...amount,
        description: `Quote ${quote.quoteNumber}`,
        shopperReference: input.partnerId,
      }),
  });
  const byPayPal = (outcome: (paypal: PayPalGateway) => Promise<ChargeOutcome>) => {
    const paypal = payPalOffered(providers.paypal);
    return {
      kind: 'paypal' as const,
      provider: paypal.provider,
      refund: paypal.refund,
      outcome: () => outcome(paypal),
    };
  };
  let how: ReturnType<typeof byCard>;
  if (payment.method === 'card') how = byCard(payment.token);
  else if (payment.method === 'paypal')
    how = byPayPal((paypal) =>
      paypal.capture({ orderId: payment.orderId, quoteNumber: quote.quoteNumber, ...amount }),
    );
  else {
    const stored = await storedPaymentMethod(db, input.partnerId, payment.paymentMethodId);
    how =
      stored.kind === 'paypal'
        ? byPayPal((paypal) =>
            paypal.chargeVaulted({ vaultId: stored.token, quoteNumber: quote.quoteNumber, ...amount }),
          )
        : byCard(stored.token);
  }
  const outcome = await asProviderCall(how.outcome);
  if (outcome.status === 'declined') throw declined(how.kind, outcome.reason);
  const charge = outcome;
  return {
    provider: how.provider,
    charge,
    refund: {
      channel: how.kind,
      reference: charge.reference,
      amountMinor: quote.totalMinor,
      currency: quote.currency,
      quoteNumber: quote.quoteNumber,
    },
  };
}

function declined(kind: 'card' | 'paypal', reason: string): DomainError {
  return kind === 'paypal'
    ? new DomainError(
        'unprocessable',
        'payment.paypal_declined',
        'PayPal did not complete the payment. Approve it with PayPal again, or choose another way to pay.',
        { field: 'payment', params: { reason } },
      )
    : new DomainError('unprocessable', 'payment.declined', 'The card was declined. Use another card.', {
        field: 'payment',
        params: { reason },
      });
}
