import type { Currency } from '../../contract/money.ts';
import type { PaymentProviderName, PlaceOrderRequest } from '../../contract/orders.ts';
import type { Queryable } from '../db/client.ts';
import { DomainError } from '../lib/errors.ts';
import { paymentOutcomes } from '../lib/metrics.ts';
import type { AttemptPayment } from '../modules/orders/order-attempts.ts';
import { payPalOffered, storedPaymentMethod } from '../modules/payments/payment-methods.service.ts';
import type { PayPalGateway } from '../modules/payments/paypal/paypal-gateway.ts';
import {
  type ChargeOutcome,
  type PaymentProvider,
  PaymentUnavailableError,
} from '../modules/payments/provider.ts';
import type { PendingRefund } from '../modules/payments/refunds.ts';

export interface PaymentProviders {
  payments: PaymentProvider;
  paypal: PayPalGateway | null;
}

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
 * What the checkout's choice takes the money by, fixed when the quote is claimed: a stored method
 * becomes its provider token then, so a method removed meanwhile cannot change a charge under way.
 */
export async function resolvePayment(
  db: Queryable,
  payment: PlaceOrderRequest['payment'],
  partnerId: string,
): Promise<AttemptPayment> {
  switch (payment.method) {
    case 'postpaid':
      return { channel: 'postpaid' };
    case 'card':
      return { channel: 'card', token: payment.token };
    case 'paypal':
      return { channel: 'paypal_order', orderId: payment.orderId };
    case 'stored': {
      const stored = await storedPaymentMethod(db, partnerId, payment.paymentMethodId);
      return stored.kind === 'paypal'
        ? { channel: 'paypal_vault', vaultId: stored.token }
        : { channel: 'card', token: stored.token };
    }
  }
}

export interface PaymentOfQuote {
  payment: Exclude<AttemptPayment, { channel: 'postpaid' }>;
  partnerId: string;
  /** The provider's idempotency key: the quote and the user's attempt. */
  chargeKey: string;
  quote: { quoteNumber: string; currency: Currency; totalMinor: number };
}

/** The provider calls of one way to pay: charge, or ask what the charge came to. */
function channelOf(providers: PaymentProviders, input: PaymentOfQuote) {
  const { payment, quote } = input;
  const amount = { amountMinor: quote.totalMinor, currency: quote.currency, idempotencyKey: input.chargeKey };
  switch (payment.channel) {
    case 'card': {
      const request = {
        token: payment.token,
        ...amount,
        description: `Quote ${quote.quoteNumber}`,
        shopperReference: input.partnerId,
      };
      return {
        kind: 'card' as const,
        provider: providers.payments.name,
        charge: () => providers.payments.charge(request),
        find: () => providers.payments.findCharge(request),
      };
    }
    case 'paypal_order': {
      const paypal = payPalOffered(providers.paypal);
      const request = { orderId: payment.orderId, quoteNumber: quote.quoteNumber, ...amount };
      return {
        kind: 'paypal' as const,
        provider: paypal.provider,
        charge: () => paypal.capture(request),
        find: () => paypal.findCapture(request),
      };
    }
    case 'paypal_vault': {
      const paypal = payPalOffered(providers.paypal);
      const request = { vaultId: payment.vaultId, quoteNumber: quote.quoteNumber, ...amount };
      return {
        kind: 'paypal' as const,
        provider: paypal.provider,
        charge: () => paypal.chargeVaulted(request),
        find: () => paypal.findVaultedCharge(request),
      };
    }
  }
}

function taken(
  channel: ReturnType<typeof channelOf>,
  input: PaymentOfQuote,
  charge: Extract<ChargeOutcome, { status: 'captured' }>,
): TakenPayment {
  return {
    provider: channel.provider,
    charge,
    refund: {
      channel: channel.kind,
      reference: charge.reference,
      amountMinor: input.quote.totalMinor,
      currency: input.quote.currency,
      quoteNumber: input.quote.quoteNumber,
    },
  };
}

/**
 * Takes the money for a quote the way the checkout chose: a card from the provider's hosted form, a
 * stored card or PayPal account, or a PayPal payment the buyer approved. The idempotency key is the
 * quote and the user's attempt, so a retry after a timeout finds the first charge. Runs with no
 * database transaction open: a provider may take seconds.
 */
export async function takePayment(providers: PaymentProviders, input: PaymentOfQuote): Promise<TakenPayment> {
  const channel = channelOf(providers, input);
  const counted = { channel: channel.kind, provider: channel.provider };
  const outcome = await asProviderCall(channel.charge).catch((error: unknown) => {
    const unavailable = error instanceof DomainError && error.code === 'payment.unavailable';
    paymentOutcomes.inc({ ...counted, outcome: unavailable ? 'unavailable' : 'error' });
    throw error;
  });
  paymentOutcomes.inc({ ...counted, outcome: outcome.status });
  if (outcome.status === 'declined') throw declined(channel.kind, outcome.reason);
  return taken(channel, input, outcome);
}

/**
 * What the charge of an interrupted attempt came to, asked of the provider (the recovery of Place
 * order): the money taken, a decline, or null when no charge was made. Throws PaymentUnavailableError
 * while the provider cannot tell.
 */
export async function findPayment(
  providers: PaymentProviders,
  input: PaymentOfQuote,
): Promise<TakenPayment | { declined: DomainError } | null> {
  const channel = channelOf(providers, input);
  const outcome = await channel.find();
  if (outcome === null) return null;
  if (outcome.status === 'declined') return { declined: declined(channel.kind, outcome.reason) };
  return taken(channel, input, outcome);
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
